package dev.tenet.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.mcp.http.HttpOptions;
import dev.tenet.mcp.http.McpHttpServer;
import dev.tenet.mcp.schema.SchemaValidator;
import dev.tenet.mcp.tools.CodeChecker;
import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.mcp.workspace.WorkspaceRules;
import dev.tenet.rules.baseline.Baseline;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.finding.Finding;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which workspace a client's calls work in, through the protocol: roots a shared HTTP server must not follow, roots
 * that change in the middle of a session, and the workspace's baseline applied to {@code check_code}.
 */
class WorkspaceRootsTests {
    private static final String CLEAN_DOMAIN_CLASS = """
            package com.acme.learning.domain;

            public class TrainingProgress {
                private String userId;
                private long minutes;
            }
            """;

    @TempDir
    Path temp;

    @Test
    void anHttpServerIgnoresAClientRootOutsideItsWorkspaceAndFollowsOneInside() throws Exception {
        Path served = Fixtures.workspace(Files.createDirectories(temp.resolve("served")));
        Path inside = cleanWorkspace(served.resolve("module"));
        Path outside = cleanWorkspace(temp.resolve("elsewhere"));
        try (McpHttpServer server = McpHttpServer.start(HttpOptions.loopback(0), Workspace.of(served), ScanCache.none())) {
            try (McpSyncClient pointingOutside = httpClient(server.port(), outside)) {
                assertThat(ruleIds(checkDomainFile(pointingOutside)))
                        .as("the outside root is ignored: the served workspace's own file, with its violation, is checked")
                        .containsExactly("layering.domain-no-framework");
            }
            try (McpSyncClient pointingInside = httpClient(server.port(), inside)) {
                assertThat(ruleIds(checkDomainFile(pointingInside))).as("the root inside the served workspace is followed").isEmpty();
            }
        }
    }

    @Test
    void whenTheClientsRootsChangeTheNextCallWorksInTheNewRoot() throws Exception {
        Path first = Fixtures.workspace(Files.createDirectories(temp.resolve("first")));
        Path second = cleanWorkspace(temp.resolve("second"));
        McpSyncClient client = McpClients.stdio(Files.createDirectories(temp.resolve("default")), temp.resolve("cache"), first.toUri().toString());
        try {
            assertThat(ruleIds(checkDomainFile(client))).containsExactly("layering.domain-no-framework");

            client.removeRoot(first.toUri().toString());
            client.addRoot(new McpSchema.Root(second.toUri().toString(), "second"));

            // The server learns of the change by a notification and then lists the roots: allow it a moment.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            List<Object> findings = ruleIds(checkDomainFile(client));
            while (!findings.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                findings = ruleIds(checkDomainFile(client));
            }
            assertThat(findings).as("the domain file of the new root has no violation").isEmpty();
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void checkCodeLeavesOutWhatTheWorkspacesBaselineAcceptsAndStillReportsNewFindings() throws Exception {
        Path root = Fixtures.workspace(Files.createDirectories(temp.resolve("ws")));
        Workspace workspace = Workspace.of(root);
        List<Finding> accepted = new CodeChecker(new WorkspaceRules(), ScanCache.none())
                .checkPath(workspace, workspace.root()).findings();
        assertThat(accepted).extracting(Finding::ruleId).contains("layering.domain-no-framework");
        Baseline.of(accepted).write(Baseline.fileIn(root));
        Fixtures.write(root, "src/main/java/com/acme/learning/domain/Certificate.java", """
                package com.acme.learning.domain;

                import org.springframework.stereotype.Component;

                @Component
                public class Certificate {
                    private String userId;
                }
                """);
        McpSyncClient client = McpClients.stdio(root, temp.resolve("cache"));
        try {
            Map<String, Object> old = StdioToolsTests.structured(checkDomainFile(client));
            Map<String, Object> fresh = StdioToolsTests.structured(client.callTool(new McpSchema.CallToolRequest("check_code",
                    Map.of("path", "src/main/java/com/acme/learning/domain/Certificate.java"))));

            assertThat(StdioToolsTests.list(old.get("findings"))).isEmpty();
            assertThat(old.get("baselined")).isEqualTo(1);
            assertThat(StdioToolsTests.list(fresh.get("findings"))).extracting(f -> f.get("ruleId"))
                    .containsExactly("layering.domain-no-framework");
            assertThat(fresh.get("baselined")).isEqualTo(0);
        } finally {
            client.closeGracefully();
        }
    }

    /** The fixture workspace with its domain class fixed, so a check of that file finds nothing. */
    private static Path cleanWorkspace(Path dir) throws Exception {
        Path root = Fixtures.workspace(Files.createDirectories(dir));
        Fixtures.write(root, Fixtures.DOMAIN_FILE, CLEAN_DOMAIN_CLASS);
        return root;
    }

    private static McpSchema.CallToolResult checkDomainFile(McpSyncClient client) {
        return client.callTool(new McpSchema.CallToolRequest("check_code", Map.of("path", Fixtures.DOMAIN_FILE)));
    }

    private static List<Object> ruleIds(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as("tool error: %s", result.content()).isNotEqualTo(Boolean.TRUE);
        return StdioToolsTests.list(StdioToolsTests.structured(result).get("findings")).stream().map(f -> f.get("ruleId")).toList();
    }

    private static McpSyncClient httpClient(int port, Path root) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                .endpoint(McpHttpServer.PATH).jsonMapper(Json.MCP).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).jsonSchemaValidator(new SchemaValidator())
                .capabilities(McpSchema.ClientCapabilities.builder().roots(true).build())
                .roots(new McpSchema.Root(root.toUri().toString(), "workspace")).build();
        client.initialize();
        return client;
    }
}
