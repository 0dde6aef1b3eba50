package com.example.learning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A relay in a JVM of its own, as on another replica, started from the tests' classpath. {@link #kill()} ends it with
 * SIGKILL: none of its clean-up runs (no finally block, no shutdown hook, no lease released, no offsets flushed) and
 * the operating system closes its connections, as when a pod is killed. Its output goes to {@code target/<name>.log},
 * which a failed wait quotes.
 */
final class RelayProcess implements AutoCloseable {
    /** The status of a process ended by signal 9 (128 + 9). */
    static final int KILLED = 137;

    private final Process process;
    private final Path log;

    private RelayProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static RelayProcess start(Class<?> main, String name, String... args) throws IOException {
        Path log = Path.of("target", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new RelayProcess(process, log);
    }

    /** Waits until the process printed a line containing {@code text}; fails, quoting its output, if it ended or the time ran out. */
    void awaitOutput(String text, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("the relay process ended (status " + process.exitValue() + ") before printing '" + text + "':\n" + output());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the relay process did not print '" + text + "' within " + deadline + ":\n" + output());
            }
            Thread.sleep(50);
        }
    }

    /** Kills the process with SIGKILL (what {@link Process#destroyForcibly()} sends on Linux) and returns its exit status. */
    int kill() throws InterruptedException {
        if (!process.isAlive()) {
            throw new AssertionError("the relay process had already ended (status " + process.exitValue() + "):\n" + output());
        }
        process.destroyForcibly();
        return process.waitFor();
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(its output " + log + " cannot be read: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
