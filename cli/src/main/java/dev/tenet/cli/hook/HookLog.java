package dev.tenet.cli.hook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code hook.log} in the cache directory: one line per thing the hook could not do (a malformed event, an
 * internal error, a timeout), because a hook must never show an assistant an error of its own.
 */
final class HookLog {
    private static final long MAX_BYTES = 1024 * 1024;

    private final Path file;

    HookLog(Path cacheDirectory) {
        this.file = cacheDirectory.resolve("hook.log");
    }

    /** Appends {@code <time> <what>} (one line); a log that cannot be written is given up silently. */
    void append(String what) {
        String line = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + what.replace('\n', ' ').replace('\r', ' ') + "\n";
        try {
            FileLocks.withLock(file, () -> {
                if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                    Files.move(file, file.resolveSibling("hook.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                return Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            });
        } catch (IOException | RuntimeException e) {
            // nowhere left to report it: the hook's own output belongs to the assistant
        }
    }
}
