package dev.tenet.cli;

import dev.tenet.rules.cache.DiskScanCache;
import dev.tenet.rules.cache.ScanCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the scan cache lives, or that there is none: the same two options on every command that parses code. */
final class CacheOptions {
    @Option(names = "--no-cache", description = "Do not read or write the scan cache.")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Scan cache folder. Default: $TENET_CACHE_DIR, $XDG_CACHE_HOME/tenet or ~/.cache/tenet.")
    Path cacheDir;

    ScanCache scanCache() {
        return noCache ? ScanCache.none() : new DiskScanCache(cacheDir != null ? cacheDir : DiskScanCache.defaultDirectory());
    }
}
