package dev.tenet.cli.hook;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hook's side of the background hook server ({@link HookServer}): where its socket is (in the user's
 * cache directory, owner-only), sending it an event, asking its status, starting and stopping it.
 */
public final class HookDaemon {
    /** The largest event or answer the two sides exchange. */
    public static final int MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;
    static final int MAX_SOCKET_PATH_BYTES = 100;
    static final Duration START_RETRY = Duration.ofSeconds(10);
    static final byte EVENT = 'E';
    static final byte STATUS = 'S';
    static final byte STOP = 'Q';
    static final byte ANSWER = 'A';
    static final byte OTHER_BUILD = 'X';

    private final Path directory;

    /** @param cacheDirectory the user's Tenet cache directory */
    public HookDaemon(Path cacheDirectory) {
        this.directory = cacheDirectory.resolve("hook");
    }

    Path directory() {
        return directory;
    }

    Path socket() {
        return directory.resolve("daemon.sock");
    }

    /** What went wrong talking to the server when it did not answer in time. */
    public static final class TimedOut extends Exception {
        TimedOut(Duration timeout) {
            super("no answer from the hook server within " + timeout.toSeconds() + " s");
        }
    }

    /**
     * Hands the event to the running server.
     *
     * @return its answer; empty when no server of this build is listening (none started yet, or it just exited)
     * @throws TimedOut when the server took longer than {@code timeout}
     */
    public Optional<HookAnswer> exchange(HookRequest request, Duration timeout) throws TimedOut {
        Optional<SocketChannel> connected = connect();
        if (connected.isEmpty()) {
            return Optional.empty();
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads());
        AtomicBoolean expired = new AtomicBoolean();
        try (SocketChannel channel = connected.get()) {
            ScheduledFuture<?> deadline = timer.schedule(() -> {
                expired.set(true);
                closeQuietly(channel);
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            out.writeByte(EVENT);
            request.write(out);
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            byte kind = in.readByte();
            Optional<HookAnswer> answer = kind == ANSWER ? Optional.of(HookAnswer.read(in)) : Optional.empty();
            deadline.cancel(false);
            return answer;
        } catch (IOException e) {
            if (expired.get()) {
                throw new TimedOut(timeout);
            }
            return Optional.empty();
        } finally {
            timer.shutdownNow();
        }
    }

    /** The running server's own description of itself, or empty when none is running. */
    public Optional<String> status() {
        return simpleRequest(STATUS);
    }

    /** Asks the running server to exit; empty when none was running. */
    public Optional<String> stop() {
        return simpleRequest(STOP);
    }

    /**
     * Whether a server can listen here: a Unix domain socket path must stay short (about 100 bytes on
     * Linux and macOS); with a deeper cache folder every event is answered in process.
     */
    boolean usable() {
        return socket().toAbsolutePath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH_BYTES;
    }

    /**
     * Starts a server unless a start was tried in the last few seconds (a server takes a moment to listen;
     * one that cannot start at all must not cost every event a process).
     */
    void startUnlessRecentlyTried() throws IOException {
        Files.createDirectories(directory);
        Path marker = directory.resolve("daemon.started");
        if (Files.exists(marker)
                && Files.getLastModifiedTime(marker).toMillis() > System.currentTimeMillis() - START_RETRY.toMillis()) {
            return;
        }
        Files.writeString(marker, Long.toString(ProcessHandle.current().pid()));
        start();
    }

    /**
     * Starts a server in the background with this process's Java and classpath, detached from the hook (it
     * outlives it and exits by itself when idle). A second server started at the same time exits at once.
     */
    private void start() throws IOException {
        Files.createDirectories(directory);
        Owner.only(directory);
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr",
                "-cp", System.getProperty("java.class.path"), HookServer.class.getName(), directory.getParent().toString()));
        File output = directory.resolve("daemon.out").toFile();
        new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output))
                .redirectError(ProcessBuilder.Redirect.appendTo(output))
                .start();
    }

    private Optional<String> simpleRequest(byte kind) {
        Optional<SocketChannel> connected = connect();
        if (connected.isEmpty()) {
            return Optional.empty();
        }
        try (SocketChannel channel = connected.get()) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            out.writeByte(kind);
            out.flush();
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            return in.readByte() == ANSWER ? Optional.of(in.readUTF()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<SocketChannel> connect() {
        Path socket = socket();
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                return Optional.of(channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                return Optional.empty();
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing is how the wait is cut short; nothing else to do
        }
    }

    static java.util.concurrent.ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "tenet-hook");
            thread.setDaemon(true);
            return thread;
        };
    }
}
