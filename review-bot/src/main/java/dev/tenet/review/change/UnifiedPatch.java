package dev.tenet.review.change;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the hunks of a unified diff for one file (what GitHub returns as a pull-request file's
 * {@code patch}) into the added lines and the commentable lines of the new version.
 */
public final class UnifiedPatch {
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@.*");

    /** The lines a patch adds, and the new-version lines its hunks cover. */
    public record Lines(LineRanges added, LineRanges hunks) {
    }

    private UnifiedPatch() {
    }

    /**
     * @param patch the patch text, hunks only or with {@code ---}/{@code +++} headers
     * @throws IllegalArgumentException when a line is neither a hunk header nor a diff line
     */
    public static Lines parse(String patch) {
        List<LineRanges.Range> added = new ArrayList<>();
        List<LineRanges.Range> hunks = new ArrayList<>();
        int next = -1;
        int hunkStart = -1;
        int runStart = -1;
        for (String line : patch.split("\n", -1)) {
            Matcher header = HUNK.matcher(line);
            if (header.matches()) {
                closeRun(added, runStart, next);
                closeHunk(hunks, hunkStart, next);
                next = Integer.parseInt(header.group(1));
                hunkStart = next;
                runStart = -1;
                continue;
            }
            if (next < 0 || line.startsWith("\\")) {
                continue; // headers before the first hunk, "\ No newline at end of file"
            }
            if (line.startsWith("+")) {
                if (runStart < 0) {
                    runStart = next;
                }
                next++;
            } else if (line.startsWith("-")) {
                closeRun(added, runStart, next);
                runStart = -1;
            } else if (line.startsWith(" ") || line.isEmpty()) {
                closeRun(added, runStart, next);
                runStart = -1;
                if (!line.isEmpty()) {
                    next++;
                }
            } else {
                throw new IllegalArgumentException("not a unified diff line: " + line);
            }
        }
        closeRun(added, runStart, next);
        closeHunk(hunks, hunkStart, next);
        return new Lines(LineRanges.of(added), LineRanges.of(hunks));
    }

    private static void closeRun(List<LineRanges.Range> added, int runStart, int next) {
        if (runStart > 0 && next > runStart) {
            added.add(new LineRanges.Range(runStart, next - 1));
        }
    }

    private static void closeHunk(List<LineRanges.Range> hunks, int hunkStart, int next) {
        if (hunkStart > 0 && next > hunkStart) {
            hunks.add(new LineRanges.Range(hunkStart, next - 1));
        }
    }
}
