package dev.tenet.rules.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers see the old content or the new, never a part: the content goes to a hidden
 * temporary file in the same folder (so the final step is a rename on one file system), which then replaces the
 * target. A failed write leaves the target as it was and no temporary file behind.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Replaces {@code file} (creating its folder) with {@code content}. */
    public static void write(Path file, byte[] content) throws IOException {
        write(file, content, false);
    }

    /** As {@link #write}, and the content reaches the disk before the rename: for files people keep (a baseline). */
    public static void writeDurably(Path file, byte[] content) throws IOException {
        write(file, content, true);
    }

    /** Moves {@code from} onto {@code to} (replacing it) with a rename when the file system can, else a plain move. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void write(Path file, byte[] content, boolean force) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its owner-only mode would stay on the target after the rename.
        Path temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (force) {
                    channel.force(true);
                }
            }
            move(temporary, target);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
