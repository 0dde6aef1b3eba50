package dev.tenet.review.git;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.review.change.FileChange;
import dev.tenet.review.change.LineRanges;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/** Diffs two trees of a repository (commit, index or working tree) into a {@link ChangeSet}, following renames. */
final class TreeDiff {
    /** Context lines around a change that a review comment may also sit on, as in {@code git diff}. */
    static final int CONTEXT = 3;

    private TreeDiff() {
    }

    static ChangeSet between(Repository repository, AbstractTreeIterator oldTree, AbstractTreeIterator newTree) throws IOException {
        List<FileChange> files = new ArrayList<>();
        try (DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            formatter.setRepository(repository);
            formatter.setDiffComparator(RawTextComparator.DEFAULT);
            formatter.setDetectRenames(true);
            for (DiffEntry entry : formatter.scan(oldTree, newTree)) {
                if (entry.getChangeType() == DiffEntry.ChangeType.DELETE) {
                    continue;
                }
                List<LineRanges.Range> changed = new ArrayList<>();
                List<LineRanges.Range> commentable = new ArrayList<>();
                for (Edit edit : formatter.toFileHeader(entry).toEditList()) {
                    if (edit.getEndB() > edit.getBeginB()) {
                        changed.add(new LineRanges.Range(edit.getBeginB() + 1, edit.getEndB()));
                    }
                    int from = Math.max(1, edit.getBeginB() + 1 - CONTEXT);
                    int to = Math.max(from, edit.getEndB() + CONTEXT);
                    commentable.add(new LineRanges.Range(from, to));
                }
                Optional<String> previous = switch (entry.getChangeType()) {
                    case RENAME, COPY -> Optional.of(entry.getOldPath());
                    default -> Optional.empty();
                };
                files.add(new FileChange(entry.getNewPath(), previous, LineRanges.of(changed), LineRanges.of(commentable)));
            }
        }
        return ChangeSet.of(files);
    }
}
