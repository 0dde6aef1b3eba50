package dev.tenet.cli.hook;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs an update of a file in the cache directory under an exclusive lock, so concurrent hook processes
 * (and the threads of one hook server) never interleave their read-modify-write of the same file.
 */
final class FileLocks {
    /** The work done while holding the lock. */
    @FunctionalInterface
    interface Locked<T> {
        T run() throws IOException;
    }

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private FileLocks() {
    }

    /** Holds {@code <file>.lock} (a file lock between processes, a lock between threads) while {@code work} runs. */
    static <T> T withLock(Path file, Locked<T> work) throws IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        Files.createDirectories(lockFile.getParent());
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        threads.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                return work.run();
            } finally {
                lock.release();
            }
        } finally {
            threads.unlock();
        }
    }
}
