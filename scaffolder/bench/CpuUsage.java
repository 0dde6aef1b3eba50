package com.example.learning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this JVM's threads and of the MariaDB server, read from /proc (Linux), so a bench can say where a
 * timed window's CPU went: on 2 shared cores the broker, the database, the JIT compiler and the code under test
 * all compete. Copied into a generated sample by scaffolder/bench/pipeline-throughput.sh with ThroughputBench.
 */
final class CpuUsage {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private final Map<String, Long> ticksByThread;

    private CpuUsage(Map<String, Long> ticksByThread) {
        this.ticksByThread = ticksByThread;
    }

    static CpuUsage now() {
        Map<String, Long> ticks = new HashMap<>();
        readThreads(Path.of("/proc/self/task"), "", ticks);
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> database(p).ifPresent(db -> readThreads(p.resolve("task"), db + ":", ticks)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CpuUsage(ticks);
    }

    /**
     * Waits until the JIT compiler has had nothing to do for two seconds (at most a minute), so that no timed window
     * pays for compiling what the warm-up made hot: on 2 cores C2 otherwise keeps working through its backlog inside it.
     */
    static void awaitCompilerIdle() throws InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long last = compiler.getTotalCompilationTime();
        int quietTicks = 0;
        while (quietTicks < 20 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = compiler.getTotalCompilationTime();
            quietTicks = now == last ? quietTicks + 1 : 0;
            last = now;
        }
    }

    /** CPU seconds since {@code earlier}, total and per part, largest first. */
    String since(CpuUsage earlier) {
        Map<String, Long> byPart = new TreeMap<>();
        ticksByThread.forEach((thread, ticks) -> {
            long delta = ticks - earlier.ticksByThread.getOrDefault(thread, 0L);
            if (delta > 0) {
                byPart.merge(part(thread), delta, Long::sum);
            }
        });
        long all = byPart.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder out = new StringBuilder(String.format("%.2f CPU-s", all / TICKS_PER_SECOND));
        byPart.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format(", %s %.2f", e.getKey(), e.getValue() / TICKS_PER_SECOND)));
        return out.toString();
    }

    /** The database server a process belongs to, if it is one (PostgreSQL runs a process per connection). */
    private static Optional<String> database(Path process) {
        try {
            return switch (Files.readString(process.resolve("comm")).trim()) {
                case "mariadbd" -> Optional.of("mariadb");
                case "postgres" -> Optional.of("postgresql");
                default -> Optional.empty();
            };
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    private static void readThreads(Path tasks, String prefix, Map<String, Long> ticks) {
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(prefix + thread.getFileName() + "/" + name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException threadEnded) {
                    // it ended between the listing and the read: its time is lost to both snapshots alike
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which part of the system a thread belongs to, by its (15-character) native name. */
    private static String part(String thread) {
        if (thread.startsWith("mariadb:") || thread.startsWith("postgresql:")) {
            return thread.substring(0, thread.indexOf(':'));
        }
        String name = thread.substring(thread.indexOf('/') + 1);
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM ")) {
            return "gc/vm";
        }
        if (name.startsWith("pool-")) {
            return "bare loop";
        }
        if (name.startsWith("scheduling") || name.startsWith("kafka-producer") || name.startsWith("cdc-outbox-rela") || name.startsWith("debezium")) {
            return "outbox relay+producer";
        }
        if (name.startsWith("data-plane") || name.startsWith("broker") || name.startsWith("group-coord") || name.startsWith("kafka-0")
                || name.startsWith("quorum") || name.startsWith("controller") || name.startsWith("raft") || name.startsWith("ExpirationReap")
                || name.startsWith("kafka-scheduler") || name.startsWith("kafka-log") || name.startsWith("share-") || name.startsWith("executor-")) {
            return "broker";
        }
        if (name.startsWith("task-")) {
            return "async executor"; // Spring's application task executor: Spring Modulith externalizes events on it
        }
        if (name.startsWith("lecture-watched") || name.startsWith("quiz-submitted") || name.startsWith("attendance-veri")) {
            return "listeners";
        }
        if (name.startsWith("kafka-coordinat")) {
            return "consumer heartbeats"; // the listeners' and the bare loop's alike: the native name is cut at 15 characters
        }
        return "other";
    }
}
