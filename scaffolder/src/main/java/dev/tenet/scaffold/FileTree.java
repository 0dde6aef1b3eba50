package dev.tenet.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Prints relative paths as an indented tree, directories first-level by first-level, for {@code --dry-run}. */
public final class FileTree {
    private FileTree() {
    }

    /** The tree of the given {@code /}-separated paths under {@code root}. */
    public static String render(String root, List<String> paths) {
        StringBuilder out = new StringBuilder(root).append("/\n");
        List<String> printed = new ArrayList<>();
        for (String path : new TreeSet<>(paths)) {
            String[] parts = path.split("/");
            for (int depth = 0; depth < parts.length; depth++) {
                String prefix = String.join("/", java.util.Arrays.copyOfRange(parts, 0, depth + 1));
                boolean directory = depth < parts.length - 1;
                if (directory && printed.contains(prefix)) {
                    continue;
                }
                printed.add(prefix);
                out.append("  ".repeat(depth + 1)).append(parts[depth]).append(directory ? "/" : "").append('\n');
            }
        }
        return out.toString();
    }
}
