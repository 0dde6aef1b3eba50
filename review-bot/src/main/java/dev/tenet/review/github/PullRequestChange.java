package dev.tenet.review.github;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.rules.io.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A pull request's change and the folder holding its head version for the engine: a local checkout
 * of the head commit, or a temporary folder of files fetched through the API (deleted on close).
 *
 * @param changes      the changed files and lines, from the patches
 * @param headSha      the head commit the review is about
 * @param root         the folder to check
 * @param fullContext  true when {@code root} is a checkout of the whole repository
 * @param notReviewed  what was left out and why
 * @param snapshot     the temporary folder to delete, when {@code root} is one
 */
public record PullRequestChange(ChangeSet changes, String headSha, Path root, boolean fullContext, List<String> notReviewed,
                                Optional<Path> snapshot) implements AutoCloseable {

    public PullRequestChange {
        notReviewed = List.copyOf(notReviewed);
    }

    @Override
    public void close() {
        if (snapshot.isEmpty()) {
            return;
        }
        try {
            Folders.deleteTree(snapshot.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the review snapshot " + snapshot.get(), e);
        }
    }
}
