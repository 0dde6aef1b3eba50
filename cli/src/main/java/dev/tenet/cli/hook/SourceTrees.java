package dev.tenet.cli.hook;

import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.engine.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file listings of the repositories the hook server checks, kept between events: a listing is used
 * again while none of its folders has changed (a file is added, removed or renamed only by changing its
 * folder), the repository's {@code .tenet/config.yml} is the same, and the edited file is in it. Like the
 * scan cache's stamps, a folder changed shortly before the listing was taken is not trusted.
 */
final class SourceTrees {
    private static final long RACY_WINDOW_MILLIS = 2_000;

    private record Listing(SourceTree tree, Set<Path> javaFiles, String configStamp, Map<Path, Long> folders, long takenAtMillis) {
    }

    private final Map<Path, Listing> listings = new ConcurrentHashMap<>();

    /** The files of {@code root} under {@code config}, listed again only when something may have changed. */
    SourceTree of(Path root, TenetConfig config, Path editedFile) {
        String configStamp = configStamp(root);
        Listing known = listings.get(root);
        if (known != null && known.configStamp().equals(configStamp) && known.javaFiles().contains(editedFile) && unchanged(known)) {
            return known.tree();
        }
        long takenAt = System.currentTimeMillis();
        SourceTree tree = SourceTree.scan(root, config);
        Map<Path, Long> folders = new HashMap<>();
        for (Path folder : tree.directories()) {
            folders.put(folder, modified(folder));
        }
        listings.put(root, new Listing(tree, new HashSet<>(tree.javaFiles()), configStamp, folders, takenAt));
        return tree;
    }

    private static boolean unchanged(Listing listing) {
        for (Map.Entry<Path, Long> folder : listing.folders().entrySet()) {
            long recorded = folder.getValue();
            if (recorded < 0 || recorded > listing.takenAtMillis() - RACY_WINDOW_MILLIS || modified(folder.getKey()) != recorded) {
                return false;
            }
        }
        return true;
    }

    private static String configStamp(Path root) {
        Path config = root.resolve(".tenet").resolve("config.yml");
        try {
            return Files.size(config) + "@" + Files.getLastModifiedTime(config).toMillis();
        } catch (IOException e) {
            return "none";
        }
    }

    private static long modified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }
}
