package dev.tenet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small fixture tree written into a folder: Java classes by package and module, build files, settings. */
final class Tree {
    private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)");

    private final Path root;

    Tree(Path root) {
        this.root = root;
    }

    /** Writes a Java source of {@code module} ({@code ""} for the root) under {@code src/main/java}, by its package and type. */
    Tree java(String module, String source) {
        return java(module, "main", source);
    }

    /** Writes a Java source into a source set ({@code main}, {@code test}, {@code it}, ...). */
    Tree java(String module, String sourceSet, String source) {
        Matcher pkg = PACKAGE.matcher(source);
        Matcher type = TYPE.matcher(source);
        if (!pkg.find() || !type.find()) {
            throw new IllegalArgumentException("a fixture needs a package and a type: " + source);
        }
        String folder = (module.isEmpty() ? "" : module + "/") + "src/" + sourceSet + "/java/" + pkg.group(1).replace('.', '/');
        return file(folder + "/" + type.group(1) + ".java", source);
    }

    Tree pom(String module) {
        String name = module.isEmpty() ? "root" : module.substring(module.lastIndexOf('/') + 1);
        return file((module.isEmpty() ? "" : module + "/") + "pom.xml", "<project><artifactId>" + name + "</artifactId></project>\n");
    }

    Tree file(String path, String content) {
        try {
            Path target = root.resolve(path);
            Files.createDirectories(target.getParent());
            Files.writeString(target, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Path resolve(String path) {
        return root.resolve(path);
    }
}
