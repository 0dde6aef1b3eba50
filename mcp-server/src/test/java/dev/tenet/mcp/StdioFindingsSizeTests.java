package dev.tenet.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check_code} on a ~1,000-line file with 90 findings, over stdio: the answer fits an
 * assistant's context (Claude Code refuses tool output over 25,000 tokens), says how many more there
 * are, and narrows by severity, rule and limit.
 */
class StdioFindingsSizeTests {
    static final String FILE = "src/main/java/com/acme/app/adapter/PartnerGateway.java";
    static final int KEYLESS_SENDS = 30;
    static final int PARTNER_CALLS = 60;
    static final String DOMAIN = "src/main/java/com/acme/app/domain";
    static final int DOMAIN_CLASSES = 200;

    @TempDir
    static Path temp;
    static McpSyncClient client;
    static int fileLines;

    @BeforeAll
    static void start() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("ws"));
        String source = bigFile();
        fileLines = source.split("\n").length;
        Fixtures.write(workspace, FILE, source);
        for (int i = 0; i < DOMAIN_CLASSES; i++) {
            Fixtures.write(workspace, DOMAIN + "/Entity" + i + ".java", """
                    package com.acme.app.domain;

                    import org.springframework.stereotype.Component;

                    @Component
                    public class Entity%d {
                    }
                    """.formatted(i));
        }
        Fixtures.write(workspace, ".tenet/config.yml", """
                perKeyTopics: ["learning.*"]
                rules:
                  resilience.http-no-timeout: warning
                """);
        client = McpClients.stdio(workspace, temp.resolve("cache"));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @Test
    void ninetyFindingsInAThousandLineFileFitWellUnderTheAssistantsCap() {
        McpSchema.CallToolResult result = call(Map.of("path", FILE));
        Map<String, Object> json = StdioToolsTests.structured(result);
        String text = StdioToolsTests.text(result);
        int bytes = Json.write(json).getBytes(StandardCharsets.UTF_8).length + text.getBytes(StandardCharsets.UTF_8).length;

        assertThat(fileLines).isBetween(950, 1100);
        assertThat(json).containsEntry("total", 90).containsEntry("shown", 90).containsEntry("more", 0);
        assertThat(json.get("bySeverity")).isEqualTo(Map.of("error", KEYLESS_SENDS, "warning", PARTNER_CALLS, "info", 0));
        assertThat(bytes).as("structured JSON plus text, in bytes").isLessThanOrEqualTo(40_000);
        List<Map<String, Object>> entries = StdioToolsTests.list(json.get("findings"));
        assertThat(entries).extracting(e -> e.get("ruleId") + " x" + e.get("count"))
                .containsExactly("pipeline.missing-message-key x" + KEYLESS_SENDS, "resilience.http-no-timeout x" + PARTNER_CALLS);
        assertThat((List<?>) entries.get(1).get("lines")).hasSize(PARTNER_CALLS);
        assertThat(entries).allSatisfy(e -> assertThat(e).doesNotContainKey("fix"));
        assertThat(StdioToolsTests.list(json.get("rules"))).extracting(r -> r.get("id") + " " + r.get("count") + " " + r.get("uri"))
                .containsExactly("pipeline.missing-message-key 30 tenet://rules/pipeline.missing-message-key",
                        "resilience.http-no-timeout 60 tenet://rules/resilience.http-no-timeout");
        assertThat(StdioToolsTests.list(json.get("rules"))).allSatisfy(r -> assertThat((String) r.get("fix")).isNotBlank());
    }

    @Test
    void theTextIsAShortSummaryNotACopyOfTheStructuredContent() {
        McpSchema.CallToolResult result = call(Map.of("path", FILE));
        String text = StdioToolsTests.text(result);

        assertThat(text).startsWith("90 findings in 1 file checked (all findings: 30 error, 60 warning, 0 info).")
                .contains(FILE + ":" + firstLineOf("producer.send") + " pipeline.missing-message-key (error) — The ProducerRecord has no key")
                .contains("[60 like it, lines ")
                .contains("- resilience.http-no-timeout (60): Set connect and read timeouts")
                .doesNotContain("\"ruleId\"");
        assertThat(text.lines().count()).isLessThan(10);
    }

    @Test
    void aLimitListsFewerEntriesAndSaysHowManyMoreThereAre() {
        McpSchema.CallToolResult result = call(Map.of("path", FILE, "limit", 1));
        Map<String, Object> json = StdioToolsTests.structured(result);

        assertThat(StdioToolsTests.list(json.get("findings"))).singleElement().satisfies(e -> assertThat(e).containsEntry("count", KEYLESS_SENDS));
        assertThat(json).containsEntry("total", 90).containsEntry("shown", KEYLESS_SENDS).containsEntry("more", PARTNER_CALLS);
        assertThat(StdioToolsTests.text(result)).endsWith(PARTNER_CALLS + " more — narrow with minSeverity/rules/limit.\n");
    }

    @Test
    void aLimitTheSizeBudgetCannotHoldIsCutToFitAndTheRestCountedAsMore() {
        McpSchema.CallToolResult result = call(Map.of("path", DOMAIN, "limit", 200));
        Map<String, Object> json = StdioToolsTests.structured(result);
        String text = StdioToolsTests.text(result);
        int entries = StdioToolsTests.list(json.get("findings")).size();
        int bytes = Json.write(json).getBytes(StandardCharsets.UTF_8).length + text.getBytes(StandardCharsets.UTF_8).length;

        assertThat(json).containsEntry("filesChecked", DOMAIN_CLASSES).containsEntry("total", DOMAIN_CLASSES);
        assertThat(entries).as("one entry per file: nothing to group").isBetween(10, DOMAIN_CLASSES - 1);
        assertThat(bytes).isLessThanOrEqualTo(40_000);
        assertThat(json).containsEntry("shown", entries).containsEntry("more", DOMAIN_CLASSES - entries);
        assertThat(text).endsWith((DOMAIN_CLASSES - entries) + " more — narrow with minSeverity/rules/limit.\n");
    }

    @Test
    void minSeverityAndRulesNarrowTheFindings() {
        Map<String, Object> errors = StdioToolsTests.structured(call(Map.of("path", FILE, "minSeverity", "error")));
        Map<String, Object> byPrefix = StdioToolsTests.structured(call(Map.of("path", FILE, "rules", List.of("resilience"))));
        Map<String, Object> byGlob = StdioToolsTests.structured(call(Map.of("path", FILE, "rules", List.of("resilience.http*"))));
        Map<String, Object> byId = StdioToolsTests.structured(call(Map.of("path", FILE, "rules", List.of("pipeline.missing-message-key"))));

        assertThat(errors).containsEntry("total", KEYLESS_SENDS).containsEntry("more", 0);
        assertThat(StdioToolsTests.list(errors.get("findings"))).allSatisfy(e -> assertThat(e).containsEntry("severity", "error"));
        assertThat(StdioToolsTests.list(errors.get("rules"))).extracting(r -> r.get("id")).containsExactly("pipeline.missing-message-key");
        assertThat(errors.get("bySeverity")).as("what the filter hides is still counted")
                .isEqualTo(Map.of("error", KEYLESS_SENDS, "warning", PARTNER_CALLS, "info", 0));
        assertThat(byPrefix).containsEntry("total", PARTNER_CALLS);
        assertThat(byGlob).containsEntry("total", PARTNER_CALLS);
        assertThat(byId).containsEntry("total", KEYLESS_SENDS);
    }

    @Test
    void aRuleFilterThatNamesNoRuleIsAToolError() {
        McpSchema.CallToolResult result = call(Map.of("path", FILE, "rules", List.of("resilence")));

        assertThat(result.isError()).isTrue();
        assertThat(StdioToolsTests.text(result)).contains("'rules' names 'resilence', which is no rule id or prefix of one");
    }

    private static McpSchema.CallToolResult call(Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest("check_code", arguments));
    }

    private static int firstLineOf(String code) throws IllegalStateException {
        List<String> lines = bigFile().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(code)) {
                return i + 1;
            }
        }
        throw new IllegalStateException(code);
    }

    /** A gateway class with keyless sends to a per-key topic and partner calls on RestTemplates built without timeouts. */
    static String bigFile() {
        StringBuilder java = new StringBuilder("""
                package com.acme.app.adapter;

                import org.apache.kafka.clients.producer.Producer;
                import org.apache.kafka.clients.producer.ProducerRecord;
                import org.springframework.web.client.RestTemplate;

                public class PartnerGateway {
                    private final Producer<String, String> producer;

                    public PartnerGateway(Producer<String, String> producer) {
                        this.producer = producer;
                    }
                """);
        for (int i = 0; i < KEYLESS_SENDS; i++) {
            java.append("""

                        /**
                         * Publishes progress number %1$d.
                         *
                         * @param payload the event as JSON
                         */
                        public void publish%1$d(String payload) {
                            String trimmed = payload.trim();
                            producer.send(new ProducerRecord<>("learning.progress", trimmed));
                        }
                    """.formatted(i));
        }
        for (int i = 0; i < PARTNER_CALLS; i++) {
            java.append("""

                        /**
                         * Fetches resource number %1$d from the partner.
                         *
                         * @param url the partner's base URL
                         * @return the answer, trimmed
                         */
                        public String fetch%1$d(String url) {
                            RestTemplate partner%1$d = new RestTemplate();
                            String answer = partner%1$d.getForObject(url + "/%1$d", String.class);
                            return answer == null ? "" : answer.trim();
                        }
                    """.formatted(i));
        }
        return java.append("}\n").toString();
    }
}
