package dev.tenet.cli.hook;

import dev.tenet.rules.engine.BuildInfo;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * One hook event as {@code tenet hook} received it, with the options it was run with: what the hook client
 * hands to the background server (or handles itself), written as plain length-prefixed fields so the client
 * needs no JSON library to forward it.
 *
 * @param client      {@code claude} or {@code cursor}
 * @param failOn      the lowest severity reported to the agent ({@code error}, {@code warning} or {@code info})
 * @param maxFindings how many findings one answer shows before "N more"
 * @param loopLimit   how many follow-ups in a row a Cursor {@code stop} may ask for
 * @param cwd         the hook process's working directory (used when the event names none)
 * @param projectDir  {@code $CLAUDE_PROJECT_DIR} of the hook process, or empty
 * @param build       the Tenet build that made the request, so a server of another build is not trusted
 * @param payload     the event exactly as read from stdin
 */
public record HookRequest(String client, String failOn, int maxFindings, int loopLimit, String cwd, String projectDir,
                          String build, byte[] payload) {

    /** The build of the running Tenet, which a hook and its server must share. */
    public static String currentBuild() {
        return BuildInfo.version() + "|" + BuildInfo.build();
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(client);
        out.writeUTF(failOn);
        out.writeInt(maxFindings);
        out.writeInt(loopLimit);
        out.writeUTF(cwd);
        out.writeUTF(projectDir);
        out.writeUTF(build);
        out.writeInt(payload.length);
        out.write(payload);
    }

    static HookRequest read(DataInputStream in) throws IOException {
        String client = in.readUTF();
        String failOn = in.readUTF();
        int maxFindings = in.readInt();
        int loopLimit = in.readInt();
        String cwd = in.readUTF();
        String projectDir = in.readUTF();
        String build = in.readUTF();
        int length = in.readInt();
        if (length < 0 || length > HookDaemon.MAX_PAYLOAD_BYTES) {
            throw new IOException("hook payload of " + length + " bytes refused");
        }
        return new HookRequest(client, failOn, maxFindings, loopLimit, cwd, projectDir, build, in.readNBytes(length));
    }
}
