package dev.tenet.mcp;

import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.rules.cache.DiskScanCache;
import java.nio.file.Path;

/** Starts the stdio server the way {@code tenet mcp} does, for the tests that run it as a subprocess. */
public final class StdioMain {
    private StdioMain() {
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args.length == 2 && args[0].equals("--workspace") ? args[1] : ".");
        StdioServer.serveOnProcessStdio(Workspace.of(workspace), new DiskScanCache(DiskScanCache.defaultDirectory()));
    }
}
