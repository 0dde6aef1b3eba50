package dev.tenet.mcp.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The directory a client works in. Every path a client gives is resolved here and refused when it
 * leaves the directory: absolute paths, {@code ..} segments that climb out, and symbolic links that
 * point outside.
 *
 * @param root the directory, as a real path
 */
public record Workspace(Path root) {

    /** The workspace at {@code directory}, which must exist. */
    public static Workspace of(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new WorkspaceException("workspace " + directory + " is not a directory");
        }
        try {
            return new Workspace(directory.toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Resolves a client's relative path; the file need not exist yet.
     *
     * @param given    the path as the client wrote it ({@code /} or the platform separator)
     * @param argument the argument's name, for the error message
     */
    public Path resolve(String given, String argument) {
        if (given == null || given.isBlank()) {
            throw new WorkspaceException("'" + argument + "' is empty");
        }
        Path relative;
        try {
            relative = Path.of(given);
        } catch (InvalidPathException e) {
            throw new WorkspaceException("'" + argument + "' is not a valid path: " + given);
        }
        if (relative.isAbsolute() || given.startsWith("/") || given.startsWith("\\")) {
            throw new WorkspaceException("'" + argument + "' must be relative to the workspace, not absolute: " + given);
        }
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root)) {
            throw new WorkspaceException("'" + argument + "' leaves the workspace: " + given);
        }
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && !realPath(existing).startsWith(root)) {
            throw new WorkspaceException("'" + argument + "' leads out of the workspace through a symbolic link: " + given);
        }
        return resolved;
    }

    /** The path relative to the root, with {@code /} separators ({@code .} for the root itself). */
    public String relative(Path path) {
        String text = root.relativize(path).toString().replace('\\', '/');
        return text.isEmpty() ? "." : text;
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            // A dangling link: where it points is unknown, so it cannot be trusted.
            throw new WorkspaceException("cannot follow " + path.getFileName() + ": " + e.getMessage());
        }
    }
}
