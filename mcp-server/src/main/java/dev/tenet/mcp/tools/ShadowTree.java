package dev.tenet.mcp.tools;

import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.engine.SourceTree;
import dev.tenet.rules.io.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A workspace as it would be with one file's text replaced or added, built outside the workspace
 * (in the temporary folder) from links to the workspace's checked files, so the engine judges the
 * text as part of the whole codebase while nothing in the workspace is written.
 */
final class ShadowTree implements AutoCloseable {
    private final Path root;

    private ShadowTree(Path root) {
        this.root = root;
    }

    /**
     * @param workspace the workspace root
     * @param config    its config (its exclusions decide which files are mirrored)
     * @param relative  the replaced or added file, relative to the workspace
     * @param text      its text
     */
    static ShadowTree of(Path workspace, TenetConfig config, String relative, String text) {
        Path root;
        try {
            root = Files.createTempDirectory("tenet-check-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ShadowTree tree = new ShadowTree(root);
        try {
            SourceTree sources = SourceTree.scan(workspace, config);
            List<Path> files = new ArrayList<>(sources.javaFiles());
            files.addAll(sources.propertyFiles());
            files.addAll(sources.buildFiles()); // the modules decide which facts answer for the checked file
            for (Path file : files) {
                String path = SourceTree.relative(workspace, file);
                if (!path.equals(relative)) {
                    tree.link(root.resolve(path), file);
                }
            }
            Path target = root.resolve(relative);
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
            return tree;
        } catch (IOException | RuntimeException e) {
            tree.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    Path root() {
        return root;
    }

    private void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            // File systems without links (or without the right to make them): a copy judges the same.
            Files.copy(target, link);
        }
    }

    /** Deletes the mirror: the links, never what they point to. */
    @Override
    public void close() {
        try {
            Folders.deleteTree(root); // walks without following links: the links go, never what they point to
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ShadowTree.class).warn("could not delete {}: {}", root, e.getMessage());
        }
    }
}
