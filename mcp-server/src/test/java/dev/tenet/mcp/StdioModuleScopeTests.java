package dev.tenet.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check_code judges unsaved code within its build module: another service's error handler does not answer for it. */
class StdioModuleScopeTests {
    static final String LISTENER = "shipping/src/main/java/com/acme/shipping/ParcelListener.java";

    @TempDir
    Path temp;

    @Test
    void unsavedCodeOfOneServiceIsNotSilencedByAnotherServicesErrorHandler() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("ws"));
        Fixtures.write(workspace, "billing/pom.xml", "<project><artifactId>billing</artifactId></project>\n");
        Fixtures.write(workspace, "billing/src/main/java/com/acme/billing/KafkaErrors.java", """
                package com.acme.billing;

                import org.springframework.context.annotation.Bean;
                import org.springframework.kafka.listener.DefaultErrorHandler;

                public class KafkaErrors {
                    @Bean
                    DefaultErrorHandler errorHandler() {
                        return new DefaultErrorHandler();
                    }
                }
                """);
        Fixtures.write(workspace, "shipping/pom.xml", "<project><artifactId>shipping</artifactId></project>\n");
        McpSyncClient client = McpClients.stdio(workspace, temp.resolve("cache"));
        try {
            Map<String, Object> result = StdioToolsTests.structured(client.callTool(new McpSchema.CallToolRequest("check_code", Map.of(
                    "filename", LISTENER, "code", """
                            package com.acme.shipping;

                            import org.springframework.kafka.annotation.KafkaListener;

                            public class ParcelListener {
                                @KafkaListener(topics = "parcels")
                                public void on(String parcel) {
                                }
                            }
                            """))));

            assertThat(StdioToolsTests.list(result.get("findings"))).extracting(f -> f.get("ruleId"))
                    .contains("pipeline.missing-error-handler");
        } finally {
            client.closeGracefully();
        }
    }
}
