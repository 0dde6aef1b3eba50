package dev.tenet.cli.hook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files Cursor's agent edited in a conversation, recorded at each {@code afterFileEdit} (which Cursor
 * only observes) and taken at {@code stop}, when they are checked: one small file per conversation under
 * {@code hook/cursor/} in the cache directory.
 */
final class CursorEdits {
    private final Path directory;

    CursorEdits(Path cacheDirectory) {
        this.directory = cacheDirectory.resolve("hook").resolve("cursor");
    }

    void record(String conversation, Path file) throws IOException {
        Path list = listOf(conversation);
        FileLocks.withLock(directory.resolve("edits"), () -> Files.writeString(list, file + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    /** The conversation's edited files, each once in the order first edited; the record is cleared. */
    List<Path> take(String conversation) throws IOException {
        Path list = listOf(conversation);
        return FileLocks.withLock(directory.resolve("edits"), () -> {
            if (!Files.exists(list)) {
                return List.of();
            }
            Set<String> files = new LinkedHashSet<>(Files.readAllLines(list, StandardCharsets.UTF_8));
            Files.delete(list);
            List<Path> paths = new ArrayList<>();
            files.stream().filter(line -> !line.isBlank()).forEach(line -> paths.add(Path.of(line)));
            return paths;
        });
    }

    private Path listOf(String conversation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(conversation.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".txt");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
