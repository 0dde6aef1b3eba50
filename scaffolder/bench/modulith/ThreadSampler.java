package com.example.learning;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A poor man's profiler for a bench's timed window: every 20 ms it takes the stacks of this JVM's threads and counts,
 * per kind of thread (listeners, Kafka producer I/O, async executor, relay), what each was doing: waiting on the
 * database (a MariaDB driver frame on the stack), sending to Kafka, idle, or other work. Copied in with
 * OutboxComparisonBench.
 */
final class ThreadSampler implements AutoCloseable {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler = new Thread(this::run, "bench-thread-sampler");
    private int samples;

    ThreadSampler() {
        sampler.setDaemon(true);
        sampler.start();
    }

    private void run() {
        while (running.get()) {
            ThreadInfo[] infos = threads.dumpAllThreads(false, false, 64);
            synchronized (counts) {
                samples++;
                for (ThreadInfo info : infos) {
                    String kind = kind(info.getThreadName());
                    if (kind != null) {
                        counts.computeIfAbsent(kind, k -> new TreeMap<>()).merge(state(info), 1, Integer::sum);
                    }
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String kind(String name) {
        if (name.startsWith("kafka-producer-network-thread")) {
            return "producer I/O thread";
        }
        if (name.startsWith("task-")) {
            return "async executor";
        }
        if (name.startsWith("lecture-watched")) {
            return "listener";
        }
        if (name.startsWith("scheduling")) {
            return "relay/scheduler";
        }
        return null;
    }

    private static String state(ThreadInfo info) {
        for (StackTraceElement frame : info.getStackTrace()) {
            if (frame.getClassName().startsWith("org.mariadb.jdbc")) {
                return "in the database driver";
            }
        }
        for (StackTraceElement frame : info.getStackTrace()) {
            if (frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor") && frame.getMethodName().equals("getTask")) {
                return "idle (no task queued)";
            }
            if (frame.getClassName().startsWith("org.apache.kafka.clients.producer.KafkaProducer")) {
                return "in KafkaProducer.send";
            }
            if (frame.getClassName().equals("java.util.concurrent.CompletableFuture") && frame.getMethodName().equals("get")) {
                return "blocked on a send's future"; // Spring's @Async waits for the CompletableFuture a method returns
            }
        }
        for (StackTraceElement frame : info.getStackTrace()) {
            if (frame.getClassName().startsWith("org.springframework.modulith")) {
                return "in Modulith";
            }
        }
        return switch (info.getThreadState()) {
            case WAITING, TIMED_WAITING, BLOCKED -> "waiting";
            default -> isPolling(info) ? "waiting" : "running";
        };
    }

    /** Kafka's I/O threads and consumers sit RUNNABLE in epoll while they wait for the network. */
    private static boolean isPolling(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        return stack.length > 0 && (stack[0].getClassName().contains("EPoll") || stack[0].getMethodName().contains("epoll"));
    }

    /** Per kind of thread, the share of thread-samples in each state, e.g. "producer I/O thread: in the database driver 81%". */
    String report() {
        StringBuilder out = new StringBuilder();
        synchronized (counts) {
            counts.forEach((kind, states) -> {
                int total = states.values().stream().mapToInt(Integer::intValue).sum();
                out.append(out.isEmpty() ? "" : "; ").append(kind).append(String.format(" (%.1f threads):", (double) total / samples));
                states.forEach((state, n) -> out.append(String.format(" %s %.0f%%", state, 100.0 * n / total)));
            });
        }
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        sampler.join();
    }
}
