package dev.tenet.cli.hook;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The background hook server: started by the first {@code tenet hook} that finds none, it listens on a Unix
 * domain socket in the user's cache directory and answers hook events with the file models of earlier
 * checks kept in memory, so an edit costs a re-parse of one file and the whole-codebase phase of the
 * checks. One per cache directory (a lock file makes a second one exit), it exits after 30 idle minutes,
 * when asked ({@code tenet hook --stop}), or when a hook of another Tenet build calls it.
 */
public final class HookServer {
    static final Duration IDLE_LIMIT = Duration.ofMinutes(30);

    private final HookDaemon daemon;
    private final HookHandler handler;
    private final String build = HookRequest.currentBuild();
    private final Instant started = Instant.now();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final AtomicInteger served = new AtomicInteger();
    private final AnswerTimes timings = new AnswerTimes();
    private ServerSocketChannel server;

    HookServer(Path cacheDirectory) {
        this.daemon = new HookDaemon(cacheDirectory);
        this.handler = new HookHandler(cacheDirectory, Runtime.getRuntime().availableProcessors());
    }

    /** Runs the server until it is idle, stopped or superseded. Arguments: the cache directory. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: HookServer CACHE_DIR");
            System.exit(2);
        }
        new HookServer(Path.of(args[0])).serve();
        System.exit(0);
    }

    void serve() throws IOException {
        Path directory = daemon.directory();
        Files.createDirectories(directory);
        Owner.only(directory);
        try (FileChannel lockFile = FileChannel.open(directory.resolve("daemon.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                return;
            }
            Path socket = daemon.socket();
            Files.deleteIfExists(socket);
            ExecutorService workers = Executors.newFixedThreadPool(2, HookDaemon.daemonThreads());
            ScheduledExecutorService idleWatch = Executors.newSingleThreadScheduledExecutor(HookDaemon.daemonThreads());
            try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server = channel;
                channel.bind(UnixDomainSocketAddress.of(socket));
                Owner.only(socket);
                idleWatch.scheduleAtFixedRate(this::exitWhenIdle, 30, 30, TimeUnit.SECONDS);
                while (true) {
                    SocketChannel client = channel.accept();
                    lastActivity.set(System.nanoTime());
                    workers.submit(() -> answer(client));
                }
            } catch (ClosedChannelException e) {
                // closed on purpose: idle, stopped or superseded
            } finally {
                idleWatch.shutdownNow();
                workers.shutdown();
                try {
                    workers.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Files.deleteIfExists(socket);
            }
        }
    }

    private void answer(SocketChannel client) {
        try (client) {
            DataInputStream in = new DataInputStream(Channels.newInputStream(client));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(client));
            byte kind = in.readByte();
            switch (kind) {
                case HookDaemon.EVENT -> {
                    HookRequest request = HookRequest.read(in);
                    if (!request.build().equals(build)) {
                        out.writeByte(HookDaemon.OTHER_BUILD);
                        out.flush();
                        shutDown();
                        return;
                    }
                    long start = System.nanoTime();
                    HookAnswer answer = handler.handle(request);
                    timings.add((System.nanoTime() - start) / 1_000_000);
                    served.incrementAndGet();
                    out.writeByte(HookDaemon.ANSWER);
                    answer.write(out);
                }
                case HookDaemon.STATUS -> {
                    out.writeByte(HookDaemon.ANSWER);
                    out.writeUTF("hook server running: pid " + ProcessHandle.current().pid() + ", up since " + started
                            + ", " + served.get() + " events answered" + timings.summary() + ", build " + build);
                }
                case HookDaemon.STOP -> {
                    out.writeByte(HookDaemon.ANSWER);
                    out.writeUTF("hook server (pid " + ProcessHandle.current().pid() + ") stopped");
                    out.flush();
                    shutDown();
                }
                default -> throw new IOException("unknown request kind " + kind);
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            handler.logProblem("hook server: a request failed: " + e);
        } finally {
            lastActivity.set(System.nanoTime());
        }
    }

    private void exitWhenIdle() {
        if (System.nanoTime() - lastActivity.get() > IDLE_LIMIT.toNanos()) {
            shutDown();
        }
    }

    private void shutDown() {
        try {
            server.close();
        } catch (IOException e) {
            // the accept loop ends either way
        }
    }
}
