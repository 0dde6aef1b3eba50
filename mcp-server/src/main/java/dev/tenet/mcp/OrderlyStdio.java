package dev.tenet.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stdio streams as the SDK's transport sees them, so that a client that writes its requests
 * and closes its end at once ({@code printf '<initialize>\n<tools/call>\n' | tenet mcp}) gets every
 * answer: end of input is passed on only once each request read has been answered and flushed
 * (the SDK stops writing the moment it sees end of input), and a request sent before
 * {@code notifications/initialized} is taken as if the client had sent that notification first
 * (the SDK would hold it until then).
 */
final class OrderlyStdio {
    /** How long end of input waits without any answer being written before it gives up on the rest. */
    static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final byte[] INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
            .getBytes(StandardCharsets.UTF_8);

    private final Set<String> unanswered = new HashSet<>();
    private final List<String> writtenNotFlushed = new ArrayList<>();
    private boolean initializeSeen;
    private boolean initializedSeen;

    InputStream input(InputStream in) {
        return new Input(new BufferedInputStream(in));
    }

    OutputStream output(OutputStream out) {
        return new Output(out);
    }

    private synchronized byte[] requestRead(byte[] line) {
        JsonNode message = parse(line);
        if (message == null || !message.hasNonNull("method")) {
            return line;
        }
        String method = message.get("method").asText();
        if (method.equals("notifications/initialized")) {
            initializedSeen = true;
        }
        if (!message.has("id")) {
            return line;
        }
        unanswered.add(message.get("id").toString());
        if (method.equals("initialize")) {
            initializeSeen = true;
        } else if (initializeSeen && !initializedSeen && !method.equals("ping")) {
            initializedSeen = true;
            byte[] both = new byte[INITIALIZED.length + line.length];
            System.arraycopy(INITIALIZED, 0, both, 0, INITIALIZED.length);
            System.arraycopy(line, 0, both, INITIALIZED.length, line.length);
            return both;
        }
        return line;
    }

    private synchronized void lineWritten(byte[] line) {
        JsonNode message = parse(line);
        if (message != null && message.has("id") && !message.has("method")) {
            writtenNotFlushed.add(message.get("id").toString());
        }
    }

    private synchronized void flushed() {
        if (!writtenNotFlushed.isEmpty()) {
            writtenNotFlushed.forEach(unanswered::remove);
            writtenNotFlushed.clear();
            notifyAll();
        }
    }

    private synchronized void awaitAnswers() throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int left = unanswered.size();
        while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
            try {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while answering the last requests", e);
            }
            if (unanswered.size() < left) {
                left = unanswered.size();
                deadline = System.nanoTime() + PATIENCE.toNanos();
            }
        }
    }

    private static JsonNode parse(byte[] line) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null; // the SDK reports it
        }
    }

    /** Hands the SDK one line at a time, and end of input only after the answers. */
    private final class Input extends InputStream {
        private final InputStream in;
        private byte[] line = new byte[0];
        private int position;
        private boolean ended;

        Input(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == line.length) {
                if (ended) {
                    awaitAnswers();
                    return -1;
                }
                line = nextLine();
                position = 0;
            }
            int n = Math.min(length, line.length - position);
            System.arraycopy(line, position, buffer, offset, n);
            position += n;
            return n;
        }

        private byte[] nextLine() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                bytes.write(b);
                if (b == '\n') {
                    return requestRead(bytes.toByteArray());
                }
            }
            ended = true;
            if (bytes.size() == 0) {
                return new byte[0];
            }
            // A last line without its newline still ends there: the SDK's reader would otherwise hold it until end of input.
            bytes.write('\n');
            return requestRead(bytes.toByteArray());
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Notes each answer the SDK writes, and counts it answered once flushed. */
    private final class Output extends FilterOutputStream {
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        Output(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            note(b);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            for (int i = offset; i < offset + length; i++) {
                note(buffer[i]);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
            flushed();
        }

        private void note(int b) {
            if (b == '\n') {
                lineWritten(current.toByteArray());
                current.reset();
            } else {
                current.write(b);
            }
        }
    }
}
