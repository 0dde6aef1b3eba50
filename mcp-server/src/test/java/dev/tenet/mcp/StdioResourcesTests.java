package dev.tenet.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resources, resource templates and their completions, read by the SDK's client over stdio. */
class StdioResourcesTests {
    @TempDir
    static Path temp;
    static McpSyncClient client;

    @BeforeAll
    static void start() throws Exception {
        client = McpClients.stdio(Fixtures.workspace(Files.createDirectories(temp.resolve("ws"))), temp.resolve("cache"));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @Test
    void listsTheRulesConfigAndTemplatesResourcesAndTheirTemplates() {
        assertThat(client.listResources().resources()).extracting(McpSchema.Resource::uri)
                .containsExactlyInAnyOrder("tenet://rules", "tenet://config", "tenet://templates");
        assertThat(client.listResourceTemplates().resourceTemplates()).extracting(McpSchema.ResourceTemplate::uriTemplate)
                .containsExactlyInAnyOrder("tenet://rules/{id}", "tenet://templates/{name}");
    }

    @Test
    void theRulesIndexListsBuiltInAndRepositoryRules() {
        String index = read("tenet://rules");

        assertThat(index).contains("- `pipeline.outbox-dual-write` (error, checked) A transaction never writes the database")
                .contains("## team").contains("`team.money-as-minor-units` (warning, guidance)");
    }

    @Test
    void oneRuleReadsAsItsMarkdownWithMetadata() {
        String rule = read("tenet://rules/pipeline.outbox-dual-write");

        assertThat(rule).startsWith("<!-- id: pipeline.outbox-dual-write | severity: error | category: pipeline")
                .contains("## Why").contains("## Do").contains("## Don't").contains("## How to fix");
    }

    @Test
    void anUnknownRuleIsResourceNotFound() {
        assertThatThrownBy(() -> read("tenet://rules/pipeline.nope")).isInstanceOfSatisfying(McpError.class, e -> {
            assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND);
            assertThat(e.getJsonRpcError().message()).contains("no rule 'pipeline.nope'");
        });
    }

    @Test
    void theConfigResourceShowsTheWorkspacesEffectiveConfig() throws Exception {
        JsonNode config = Json.MAPPER.readTree(read("tenet://config"));

        assertThat(config.get("source").asText()).isEqualTo(".tenet/config.yml");
        assertThat(config.get("rules").get("caching.redis-write-without-ttl").asText()).isEqualTo("off");
        assertThat(config.get("rules").get("layering.domain-no-framework").asText()).isEqualTo("warning");
        assertThat(config.get("layers").isEmpty()).as("no layers declared, none made up").isTrue();
        assertThat(config.get("layersNote").asText()).contains("tenet init");
        assertThat(config.get("checkTestSources").asBoolean()).isFalse();
    }

    @Test
    void ruleIdsComplete() {
        McpSchema.CompleteResult result = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("tenet://rules/{id}"), new McpSchema.CompleteRequest.CompleteArgument("id", "pipeline.out")));

        assertThat(result.completion().values()).containsExactly("pipeline.outbox-dual-write");
        assertThat(result.completion().hasMore()).isFalse();
    }

    @Test
    void templatesAreListedReadAndCompleted() {
        String index = read("tenet://templates");
        McpSchema.CompleteResult completion = client.completeCompletion(new McpSchema.CompleteRequest(
                new McpSchema.ResourceReference("tenet://templates/{name}"), new McpSchema.CompleteRequest.CompleteArgument("name", "java/adapter/")));

        assertThat(completion.completion().values()).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("java/adapter/"));
        String name = completion.completion().values().get(0);
        assertThat(index).contains("tenet://templates/" + name.replace("/", "%2F"));
        assertThat(read("tenet://templates/" + name.replace("/", "%2F"))).isNotBlank();
        assertThatThrownBy(() -> read("tenet://templates/nope.mustache")).isInstanceOfSatisfying(McpError.class,
                e -> assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND));
    }

    @Test
    void aTemplateUriWrittenWithoutPercentEncodingIsServedOrAnsweredLikeAnUnknownRule() {
        String name = client.completeCompletion(new McpSchema.CompleteRequest(new McpSchema.ResourceReference("tenet://templates/{name}"),
                new McpSchema.CompleteRequest.CompleteArgument("name", "java/adapter/"))).completion().values().get(0);

        assertThat(read("tenet://templates/" + name)).isEqualTo(read("tenet://templates/" + name.replace("/", "%2F")));
        for (String unknown : List.of("some path with spaces", "java/nope/Listener.java.mustache")) {
            assertThatThrownBy(() -> read("tenet://templates/" + unknown)).isInstanceOfSatisfying(McpError.class, e -> {
                assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND);
                assertThat(e.getJsonRpcError().message()).isEqualTo("no template '" + unknown + "' (see tenet://templates)");
            });
        }
        assertThatThrownBy(() -> read("tenet://rules/pipeline/nope")).isInstanceOfSatisfying(McpError.class,
                e -> assertThat(e.getJsonRpcError().message()).isEqualTo("no rule 'pipeline/nope' (see tenet://rules)"));
    }

    private static String read(String uri) {
        McpSchema.ReadResourceResult result = client.readResource(new McpSchema.ReadResourceRequest(uri));
        assertThat(result.contents()).singleElement().satisfies(c -> assertThat(c.uri()).isEqualTo(uri));
        return ((McpSchema.TextResourceContents) result.contents().get(0)).text();
    }
}
