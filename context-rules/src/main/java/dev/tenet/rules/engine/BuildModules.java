package dev.tenet.rules.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The build modules of a tree: the folders holding a {@code pom.xml}, {@code build.gradle} or
 * {@code build.gradle.kts}. A file belongs to the nearest such folder above it, or to the root when
 * there is none. Configuration facts are scoped to the services these modules make up (see {@link BuildServices}).
 */
public final class BuildModules {
    /** The file names that make a folder a build module. */
    public static final List<String> BUILD_FILES = List.of("pom.xml", "build.gradle", "build.gradle.kts");
    /** The root module's name. */
    public static final String ROOT = "";

    private final List<String> folders;

    /** @param folders the module folders relative to the checked root, {@code /}-separated ({@code ""} for the root) */
    public BuildModules(List<String> folders) {
        this.folders = folders.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The module folders, longest first. */
    public List<String> folders() {
        return folders;
    }

    /** The module a relative path belongs to: the nearest module folder above it, else {@link #ROOT}. */
    public String moduleOf(String relativePath) {
        for (String folder : folders) {
            if (folder.isEmpty() || relativePath.startsWith(folder + "/")) {
                return folder;
            }
        }
        return ROOT;
    }

    /** Whether a folder holds a build file. */
    public static boolean isModule(Path folder) {
        return BUILD_FILES.stream().anyMatch(name -> Files.isRegularFile(folder.resolve(name)));
    }

    /**
     * The folder a single file is checked in: its nearest enclosing build module, widened to the
     * build that aggregates it (each parent folder with a build file of its own), so the modules of
     * its service are seen as in a folder check; without a build module, the nearest folder above it
     * holding {@code .tenet} or {@code .git}; else the file's own folder.
     */
    public static Path rootOf(Path file) {
        Path start = file.toAbsolutePath().normalize().getParent();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (isModule(folder)) {
                Path build = folder;
                while (build.getParent() != null && isModule(build.getParent())) {
                    build = build.getParent();
                }
                return build;
            }
        }
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isDirectory(folder.resolve(".tenet")) || Files.exists(folder.resolve(".git"))) {
                return folder;
            }
        }
        return start;
    }
}
