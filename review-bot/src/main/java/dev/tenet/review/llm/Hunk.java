package dev.tenet.review.llm;

import dev.tenet.review.change.LineRanges;
import java.util.List;

/**
 * One piece of a change the model reviews: a stretch of a file's new version (a diff hunk, or a slice of
 * a long one) with the lines the change added or modified in it.
 *
 * @param file    path relative to the repository root
 * @param first   first line shown (1-based)
 * @param lines   the text of lines {@code first..}, secrets already redacted
 * @param changed the changed lines of the file (only those may be cited)
 */
record Hunk(String file, int first, List<String> lines, LineRanges changed) {

    Hunk {
        lines = List.copyOf(lines);
    }

    int last() {
        return first + lines.size() - 1;
    }

    int changedLineCount() {
        int count = 0;
        for (int line = first; line <= last(); line++) {
            if (changed.overlaps(line, line)) {
                count++;
            }
        }
        return count;
    }

    String text() {
        return String.join("\n", lines);
    }

    /** {@code path:first-last}, how the summary names it. */
    String label() {
        return file + ":" + first + (last() > first ? "-" + last() : "");
    }

    boolean isTestCode() {
        return dev.tenet.rules.engine.SourceTree.isTestSource(file);
    }
}
