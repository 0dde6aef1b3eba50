package dev.tenet.review.change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a change touched: per file of the new version, the added or modified line ranges. Local
 * git diffs and pull-request patches both become one of these; deleted files are not in it.
 */
public final class ChangeSet {
    private final Map<String, FileChange> files;

    private ChangeSet(Map<String, FileChange> files) {
        this.files = files;
    }

    public static ChangeSet of(List<FileChange> changes) {
        List<FileChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(FileChange::path));
        Map<String, FileChange> files = new LinkedHashMap<>();
        for (FileChange change : sorted) {
            if (files.putIfAbsent(change.path(), change) != null) {
                throw new IllegalArgumentException("file listed twice in a change: " + change.path());
            }
        }
        return new ChangeSet(files);
    }

    /** The changed files, in path order. */
    public List<FileChange> files() {
        return List.copyOf(files.values());
    }

    public Optional<FileChange> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    public int size() {
        return files.size();
    }

    /** True when any line of {@code from..to} of {@code path} was added or modified. */
    public boolean touches(String path, int from, int to) {
        FileChange change = files.get(path);
        return change != null && change.changed().overlaps(from, to);
    }
}
