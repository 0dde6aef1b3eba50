package dev.tenet.cli;

import dev.tenet.mcp.StdioServer;
import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.mcp.workspace.WorkspaceException;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.cache.ScanCache;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tenet mcp}: the MCP server on stdio for Claude Code, Cursor and other assistants; ends when the client closes stdin. */
@Command(name = "mcp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve the rules, templates and checks to an AI assistant over MCP on stdio.",
            "Register it with: claude mcp add tenet -- /path/to/tenet mcp",
            "stdout carries only the protocol; warnings go to stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:The client closed the session.", ExitCodes.USAGE_TEXT, ExitCodes.INTERNAL_TEXT})
final class McpCommand implements Callable<Integer> {
    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".",
            description = "Workspace used when the client gives no root. Default: the current directory.")
    Path workspace;

    @Mixin
    CacheOptions cacheOptions;

    @Override
    public Integer call() throws Exception {
        Workspace root;
        try {
            root = Workspace.of(workspace);
        } catch (WorkspaceException e) {
            throw new TenetInputException(e.getMessage());
        }
        ScanCache cache = cacheOptions.scanCache();
        StdioServer.serveOnProcessStdio(root, cache);
        return ExitCodes.OK;
    }
}
