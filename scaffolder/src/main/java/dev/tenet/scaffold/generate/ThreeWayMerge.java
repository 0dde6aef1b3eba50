package dev.tenet.scaffold.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeChunk;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;

/**
 * Tenet's own change to a file, merged into the copy its owner edited: the file as Tenet generated it before
 * (the base), the owner's copy, and the file as Tenet generates it now, merged line by line as {@code git merge}
 * does. Edits to different lines combine; edits to the same or adjacent lines are a conflict, reported by the
 * owner's line numbers and never written.
 */
public final class ThreeWayMerge {
    private ThreeWayMerge() {
    }

    /** The outcome: the merged content, or the owner's lines where both changed the file. */
    public record Outcome(Optional<byte[]> merged, List<Integer> conflictLines) {
        public boolean clean() {
            return merged.isPresent();
        }
    }

    public static Outcome merge(byte[] base, byte[] owners, byte[] tenets) {
        MergeResult<RawText> result = new MergeAlgorithm().merge(RawTextComparator.DEFAULT, new RawText(base), new RawText(owners),
                new RawText(tenets));
        if (result.containsConflicts()) {
            return new Outcome(Optional.empty(), conflictLines(result));
        }
        ByteArrayOutputStream merged = new ByteArrayOutputStream();
        try {
            new MergeFormatter().formatMerge(merged, result, List.of("base", "yours", "tenet"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(Optional.of(merged.toByteArray()), List.of());
    }

    /** The first line (1-based) of each conflicting range in the owner's copy (sequence 1 of the merge). */
    private static List<Integer> conflictLines(MergeResult<RawText> result) {
        List<Integer> lines = new ArrayList<>();
        for (MergeChunk chunk : result) {
            if (chunk.getConflictState() == MergeChunk.ConflictState.FIRST_CONFLICTING_RANGE && chunk.getSequenceIndex() == 1) {
                lines.add(chunk.getBegin() + 1);
            }
        }
        return lines;
    }
}
