package dev.tenet.review.git;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.rules.io.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A change read from a local repository, and the folder holding its new version for the engine: the
 * working tree itself, or a temporary snapshot (deleted on {@link #close()}) when the new version is
 * a commit or the index that differs from what is on disk.
 *
 * @param changes     the changed files and lines
 * @param root        the folder to check (paths in {@code changes} are relative to it)
 * @param description what was compared, for people, e.g. {@code main..HEAD}
 * @param snapshot    the temporary folder to delete, when {@code root} is one
 */
public record LocalChange(ChangeSet changes, Path root, String description, Optional<Path> snapshot) implements AutoCloseable {

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
