package dev.tenet.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tools, called by the SDK's client over stdio on a server running as a subprocess. */
class StdioToolsTests {
    @TempDir
    static Path temp;
    static Path workspace;
    static McpSyncClient client;

    @BeforeAll
    static void start() throws Exception {
        workspace = Fixtures.workspace(Files.createDirectories(temp.resolve("ws")));
        client = McpClients.stdio(workspace, temp.resolve("cache"));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @Test
    void listsTheLeanToolsWithInputAndOutputSchemasInUnderNineKilobytes() {
        McpSchema.ListToolsResult tools = client.listTools();

        assertThat(tools.tools()).extracting(McpSchema.Tool::name).contains("search_rules", "check_code", "review_changes", "scaffold");
        assertThat(tools.tools()).allSatisfy(tool -> {
            assertThat(tool.outputSchema()).containsEntry("type", "object");
            assertThat(tool.inputSchema()).containsEntry("additionalProperties", false);
        });
        assertThat(Json.write(tools).length()).isLessThanOrEqualTo(9 * 1024);
    }

    @Test
    void searchRulesRanksTheOutboxRuleFirstForADualWriteQuestion() {
        Map<String, Object> result = structured(call("search_rules",
                Map.of("query", "save to the database and send the kafka event in one transaction", "limit", 3)));

        List<Map<String, Object>> rules = list(result.get("rules"));
        assertThat(rules).hasSizeLessThanOrEqualTo(3);
        assertThat(rules.get(0)).containsEntry("id", "pipeline.outbox-dual-write")
                .containsEntry("uri", "tenet://rules/pipeline.outbox-dual-write")
                .containsEntry("severity", "error").containsEntry("checked", true);
    }

    @Test
    void searchRulesFindsTheWorkspacesOwnRules() {
        List<Map<String, Object>> rules = list(structured(call("search_rules", Map.of("query", "money as double"))).get("rules"));

        assertThat(rules.get(0)).containsEntry("id", "team.money-as-minor-units").containsEntry("checked", false);
    }

    @Test
    void searchRulesWithAnEmptyQueryIsAToolErrorNotAProtocolError() {
        McpSchema.CallToolResult result = call("search_rules", Map.of("query", " "));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("'query' is empty");
    }

    @Test
    void argumentsOutsideTheSchemaAreAToolError() {
        McpSchema.CallToolResult result = call("search_rules", Map.of("query", "kafka", "limit", 0));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).contains("minimum");
    }

    @Test
    void anUnknownToolIsAProtocolError() {
        assertThatThrownBy(() -> call("format_disk", Map.of())).isInstanceOfSatisfying(McpError.class, e -> {
            assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
            assertThat(e.getJsonRpcError().data()).hasToString("Tool not found: format_disk");
        });
    }

    @Test
    void checkCodeReportsTheFindingsOfOneFileWithTheWorkspacesConfig() {
        Map<String, Object> result = structured(call("check_code", Map.of("path", Fixtures.DOMAIN_FILE)));

        List<Map<String, Object>> findings = list(result.get("findings"));
        assertThat(result).containsEntry("filesChecked", 1).containsEntry("baselined", 0);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("ruleId", "layering.domain-no-framework")
                .containsEntry("severity", "warning")
                .containsEntry("file", Fixtures.DOMAIN_FILE)
                .containsEntry("startLine", 3)
                .containsEntry("count", 1)
                .containsEntry("lines", List.of(3))
                .containsKeys("endLine", "message"));
        assertThat(list(result.get("rules"))).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("id", "layering.domain-no-framework").containsEntry("uri", "tenet://rules/layering.domain-no-framework")
                .containsKey("fix"));
    }

    @Test
    void checkCodeOnAFolderKeepsTheFindingsInsideIt() {
        Map<String, Object> result = structured(call("check_code", Map.of("path", "src/main/java/com/acme/learning/adapter")));

        assertThat(result).containsEntry("filesChecked", 1);
        assertThat(list(result.get("findings"))).isEmpty();
    }

    @Test
    void checkCodeJudgesUnsavedCodeAsPartOfTheCodebaseWithoutWritingIt() {
        Map<String, Object> result = structured(call("check_code",
                Map.of("code", Fixtures.SERVICE_WITH_DUAL_WRITE, "filename", Fixtures.SERVICE_FILE)));

        assertThat(list(result.get("findings"))).extracting(f -> f.get("ruleId")).contains("pipeline.outbox-dual-write");
        assertThat(list(result.get("findings"))).allSatisfy(f -> assertThat(f).containsEntry("file", Fixtures.SERVICE_FILE));
        assertThat(workspace.resolve(Fixtures.SERVICE_FILE)).doesNotExist();
    }

    @Test
    void checkCodeRefusesPathsThatLeaveTheWorkspace() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Fixtures.write(outside, "Secret.java", "class Secret {}");
        Files.createSymbolicLink(workspace.resolve("link-out"), outside);

        assertThat(text(call("check_code", Map.of("path", "../outside/Secret.java")))).contains("leaves the workspace");
        assertThat(text(call("check_code", Map.of("path", outside.resolve("Secret.java").toString())))).contains("not absolute");
        assertThat(text(call("check_code", Map.of("path", "link-out/Secret.java")))).contains("symbolic link");
        assertThat(text(call("check_code", Map.of("code", "class A {}", "filename", "../A.java")))).contains("leaves the workspace");
    }

    @Test
    void checkCodeExplainsWhatIsMissingWhenArgumentsDoNotFit() {
        McpSchema.CallToolResult codeOnly = call("check_code", Map.of("code", "class A {}"));
        McpSchema.CallToolResult nothing = call("check_code", Map.of());
        McpSchema.CallToolResult notJava = call("check_code", Map.of("path", ".tenet/config.yml"));

        assertThat(codeOnly.isError()).isTrue();
        assertThat(text(codeOnly)).contains("'code' needs 'filename'");
        assertThat(text(nothing)).contains("give either 'path'");
        assertThat(text(notJava)).contains("Tenet checks Java sources");
    }

    private static McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isFalse();
        return (Map<String, Object>) result.structuredContent();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
