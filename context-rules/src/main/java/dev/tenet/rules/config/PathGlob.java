package dev.tenet.rules.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/** A glob over paths relative to the checked root ({@code **}/generated/** also matches a top-level {@code generated/}). */
public final class PathGlob {
    private final String text;
    private final PathMatcher matcher;
    private final PathMatcher topLevel;

    public PathGlob(String text) {
        this.text = text;
        this.matcher = FileSystems.getDefault().getPathMatcher("glob:" + text);
        this.topLevel = text.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + text.substring(3)) : null;
    }

    /** @param relativePath a path relative to the root with {@code /} separators */
    public boolean matches(String relativePath) {
        Path path = Path.of(relativePath);
        return matcher.matches(path) || (topLevel != null && topLevel.matches(path));
    }

    @Override
    public String toString() {
        return text;
    }
}
