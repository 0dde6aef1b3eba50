package dev.tenet.mcp;

import dev.tenet.mcp.schema.SchemaValidator;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The MCP SDK's own client, connected to Tenet's server started as a subprocess over stdio. */
final class McpClients {
    private McpClients() {
    }

    /** A client to a server whose workspace is {@code --workspace workspace}; {@code roots} are declared when not empty. */
    static McpSyncClient stdio(Path workspace, Path cacheDir, String... roots) {
        List<String> args = new ArrayList<>(List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), StdioMain.class.getName(), "--workspace", workspace.toString()));
        ServerParameters parameters = ServerParameters.builder(javaCommand()).args(args)
                .addEnvVar("TENET_CACHE_DIR", cacheDir.toString()).build();
        StdioClientTransport transport = new StdioClientTransport(parameters, Json.MCP);
        transport.setStdErrorHandler(line -> System.err.println("[server] " + line));
        McpClient.SyncSpec spec = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(30)).jsonSchemaValidator(new SchemaValidator());
        if (roots.length > 0) {
            spec.capabilities(McpSchema.ClientCapabilities.builder().roots(true).build());
            for (String root : roots) {
                spec.roots(new McpSchema.Root(root, "workspace"));
            }
        }
        McpSyncClient client = spec.build();
        client.initialize();
        return client;
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
