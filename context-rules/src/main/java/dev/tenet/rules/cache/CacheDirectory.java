package dev.tenet.rules.cache;

import java.nio.file.Path;

/** Where Tenet keeps what it caches for a user; resolving it loads nothing else (the hook's client starts with it). */
public final class CacheDirectory {
    private CacheDirectory() {
    }

    /** {@code $TENET_CACHE_DIR}, else {@code $XDG_CACHE_HOME/tenet}, else {@code ~/.cache/tenet}. */
    public static Path resolve() {
        String explicit = System.getenv("TENET_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tenet");
    }
}
