package dev.tenet.review.git;

import dev.tenet.rules.engine.SourceTree;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes the files the engine reads (Java sources, Spring property files and {@code .tenet/}) of a
 * commit or of the index into a folder, so a version that is not the working tree can be checked.
 */
final class Snapshot {
    private Snapshot() {
    }

    static Path write(Repository repository, AbstractTreeIterator tree, Path folder) throws IOException {
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk walk = new TreeWalk(repository, reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                String path = walk.getPathString();
                if (!isReadByEngine(path) || walk.getFileMode(0).getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB) {
                    continue;
                }
                Path target = folder.resolve(path).normalize();
                if (!target.startsWith(folder)) {
                    throw new IOException("path escapes the snapshot folder: " + path);
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    reader.open(walk.getObjectId(0)).copyTo(out);
                }
            }
        }
        return folder;
    }

    static boolean isReadByEngine(String path) {
        return SourceTree.isChecked(path) || path.startsWith(".tenet/");
    }
}
