package dev.tenet.review.llm;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.review.change.FileChange;
import dev.tenet.review.change.LineRanges;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.engine.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a change into the hunks the model reviews: each diff hunk of a checked, not excluded file that
 * holds changed lines, sliced so no hunk is longer than {@link #MAX_LINES}. Secrets are redacted from the
 * whole file first, so a key split over lines is caught and line numbers stay true.
 */
final class Hunks {
    static final int MAX_LINES = 80;

    /** A changed file, redacted, with its hunks and callables. */
    record File(String path, List<String> lines, List<Hunk> hunks, List<EnclosingMethod> methods, int redactions) {
    }

    private Hunks() {
    }

    static List<File> of(Path root, ChangeSet changes, TenetConfig config) throws IOException {
        List<File> files = new ArrayList<>();
        for (FileChange change : changes.files()) {
            Path path = root.resolve(change.path());
            if (!SourceTree.isChecked(change.path()) || config.isExcluded(change.path()) || !Files.isRegularFile(path)) {
                continue;
            }
            // Property files are often Latin-1: decode leniently rather than lose the whole pass to one character.
            SecretRedactor.Redacted redacted = SecretRedactor.redact(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
            List<String> lines = redacted.text().lines().toList();
            List<Hunk> hunks = new ArrayList<>();
            for (LineRanges.Range span : spans(change)) {
                for (int from = span.start(); from <= Math.min(span.end(), lines.size()); from += MAX_LINES) {
                    int to = Math.min(Math.min(span.end(), lines.size()), from + MAX_LINES - 1);
                    if (change.changed().overlaps(from, to)) {
                        hunks.add(new Hunk(change.path(), from, lines.subList(from - 1, to), change.changed()));
                    }
                }
            }
            files.add(new File(change.path(), lines, hunks, EnclosingMethod.of(change.path(), redacted.text()), redacted.count()));
        }
        return files;
    }

    /** The diff hunks, or the changed runs themselves when a change has no hunks of context. */
    private static List<LineRanges.Range> spans(FileChange change) {
        List<LineRanges.Range> spans = new ArrayList<>(change.commentable().ranges());
        for (LineRanges.Range run : change.changed().ranges()) {
            if (!change.commentable().overlaps(run.start(), run.end())) {
                spans.add(run);
            }
        }
        return LineRanges.of(spans).ranges();
    }
}
