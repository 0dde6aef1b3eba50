package dev.tenet.review.change;

import java.util.Objects;
import java.util.Optional;

/**
 * One file of a change, as it is in the new version.
 *
 * @param path         path in the new version, relative to the repository root, with {@code /}
 * @param previousPath the path before a rename or copy; empty otherwise
 * @param changed      the added or modified lines of the new version
 * @param commentable  the new-version lines a review comment can sit on (the diff hunks, context included);
 *                     always contains {@code changed}
 */
public record FileChange(String path, Optional<String> previousPath, LineRanges changed, LineRanges commentable) {

    public FileChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(previousPath, "previousPath");
        Objects.requireNonNull(changed, "changed");
        Objects.requireNonNull(commentable, "commentable");
    }
}
