package dev.tenet.mcp.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** A unified diff of one file's current content against the content it would get, printed by JGit. */
final class UnifiedDiff {
    private UnifiedDiff() {
    }

    /**
     * @param path   the path shown in the {@code ---}/{@code +++} header
     * @param before the file as it is
     * @param after  the file as it would be
     * @return the diff with three lines of context, or a one-line note for binary content
     */
    static String of(String path, byte[] before, byte[] after) {
        if (RawText.isBinary(before) || RawText.isBinary(after)) {
            return "Binary files a/" + path + " and b/" + path + " differ\n";
        }
        RawText a = new RawText(before);
        RawText b = new RawText(after);
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.setContext(3);
            formatter.format(edits, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "--- a/" + path + "\n+++ b/" + path + "\n" + out.toString(StandardCharsets.UTF_8);
    }
}
