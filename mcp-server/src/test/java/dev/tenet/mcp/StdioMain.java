package dev.tenet.mcp;

import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.rules.cache.DiskScanCache;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.file.Path;

/** Starts the stdio server the way {@code tenet mcp} does, for the tests that run it as a subprocess. */
public final class StdioMain {
    private StdioMain() {
    }

    public static void main(String[] args) throws Exception {
        Path workspace = Path.of(args.length == 2 && args[0].equals("--workspace") ? args[1] : ".");
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        System.setOut(System.err);
        StdioServer.serve(Workspace.of(workspace), new DiskScanCache(DiskScanCache.defaultDirectory()), System.in, protocol);
    }
}
