package dev.tenet.mcp;

import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.mcp.workspace.WorkspaceResolver;
import dev.tenet.rules.cache.ScanCache;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Tenet's MCP server on stdio, for one assistant (Claude Code, Cursor): newline-delimited JSON-RPC on
 * the given streams, nothing else written to them. The client's roots, when it declares some, choose
 * the workspace.
 */
public final class StdioServer {
    private StdioServer() {
    }

    /**
     * Serves on this process's own stdin and stdout until the session ends. stdout carries only the protocol, so
     * anything else the process prints (a library's stray {@code System.out}) is sent to stderr meanwhile.
     */
    public static void serveOnProcessStdio(Workspace workspace, ScanCache cache) throws InterruptedException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        System.setOut(System.err);
        serve(workspace, cache, System.in, protocol);
    }

    /**
     * Serves until the session ends (the client closed its end of {@code in}, or sent something
     * unreadable), then shuts down and returns. Requests read before the end of input are answered first.
     *
     * @param workspace the workspace used when the client declares no roots
     * @param cache     the engine's scan cache
     */
    public static void serve(Workspace workspace, ScanCache cache, InputStream in, OutputStream out) throws InterruptedException {
        OrderlyStdio stdio = new OrderlyStdio();
        ClosingTransportProvider transport = new ClosingTransportProvider(
                new StdioServerTransportProvider(Json.MCP, stdio.input(in), stdio.output(out)));
        McpServer.SingleSessionSyncSpecification spec = McpServer.sync(transport);
        new TenetMcpServer(new WorkspaceResolver(workspace, false), cache).configure(spec);
        McpSyncServer server = spec.build();
        try {
            transport.awaitClosed();
        } finally {
            server.close();
        }
    }
}
