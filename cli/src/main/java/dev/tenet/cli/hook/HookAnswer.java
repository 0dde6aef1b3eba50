package dev.tenet.cli.hook;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What {@code tenet hook} answers an assistant: an exit code and the text for stdout and stderr.
 *
 * @param exitCode 0, or 2 when Claude Code should show stderr to the model
 * @param stdout   JSON for the assistant, or empty
 * @param stderr   the findings for the model, or empty
 */
public record HookAnswer(int exitCode, String stdout, String stderr) {
    /** Exit 0, nothing on stdout or stderr. */
    public static HookAnswer silent() {
        return new HookAnswer(0, "", "");
    }

    /** Exit 0 with a JSON reply on stdout. */
    static HookAnswer json(String json) {
        return new HookAnswer(0, json, "");
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(exitCode);
        writeText(out, stdout);
        writeText(out, stderr);
    }

    static HookAnswer read(DataInputStream in) throws IOException {
        int exitCode = in.readInt();
        return new HookAnswer(exitCode, readText(in), readText(in));
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > HookDaemon.MAX_PAYLOAD_BYTES) {
            throw new IOException("hook answer of " + length + " bytes refused");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
