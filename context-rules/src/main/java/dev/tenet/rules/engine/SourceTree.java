package dev.tenet.rules.engine;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.config.PathGlob;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.schema.SchemaFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files of a tree that get checked: Java sources and Spring property files, minus build output,
 * exclusions and (unless the config asks for them) test sources; and the tree's build modules.
 */
public final class SourceTree {
    private static final Set<String> SKIPPED_ANYWHERE = Set.of("node_modules", ".git", ".gradle", ".idea", ".mvn", ".tenet");
    /** Build output folders; skipped only outside source folders, where {@code out} or {@code build} may be packages. */
    private static final Set<String> BUILD_OUTPUT = Set.of("target", "build", "out", "bin");
    private static final Pattern PROPERTY_FILE = Pattern.compile("(application|bootstrap)[\\w-]*\\.(ya?ml|properties)");
    /** Source sets of tests, benchmarks and load tests ({@code src/<name>/...}) that do not say "test" in their name. */
    private static final Set<String> TEST_SOURCE_SETS = Set.of("it", "gatling", "jmh", "e2e");
    /** Source sets named as tests: {@code test}, {@code testFixtures}, {@code integration-test}, {@code integrationTest}, {@code functionalTests}. */
    private static final Pattern TEST_SOURCE_SET = Pattern.compile("test.*|(?:.*-)?tests?|.*Tests?|.*IT");
    private static final Pattern TEST_CLASS = Pattern.compile("\\w*(Test|Tests|IT)\\.java");

    /** True for the files the engine reads, by name: Java sources, Spring property files and committed event schemas. */
    public static boolean isChecked(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".java") || PROPERTY_FILE.matcher(name).matches() || SchemaFiles.isSchema(path);
    }

    /**
     * True for a test's source or resource, by its path relative to the checked root: a file under
     * a test, integration-test, Gatling or JMH source set ({@code src/test/}, {@code src/it/}, ...),
     * or a {@code *Test}, {@code *Tests} or {@code *IT} class. A test's own listeners, sends and
     * settings (an embedded broker, a capturing listener) are not the service's.
     */
    public static boolean isTestSource(String relativePath) {
        String[] segments = relativePath.split("/");
        for (int i = 0; i + 1 < segments.length - 1; i++) {
            if (segments[i].equals("src") && (TEST_SOURCE_SETS.contains(segments[i + 1])
                    || TEST_SOURCE_SET.matcher(segments[i + 1]).matches())) {
                return true;
            }
        }
        return TEST_CLASS.matcher(segments[segments.length - 1]).matches();
    }

    private final List<Path> javaFiles;
    private final List<Path> propertyFiles;
    private final List<Path> schemaFiles;
    private final BuildModules modules;
    private final List<Path> buildFiles;
    private final List<Path> directories;

    private SourceTree(List<Path> javaFiles, List<Path> propertyFiles, List<Path> schemaFiles, BuildModules modules, List<Path> buildFiles,
            List<Path> directories) {
        this.javaFiles = javaFiles;
        this.propertyFiles = propertyFiles;
        this.schemaFiles = schemaFiles;
        this.modules = modules;
        this.buildFiles = buildFiles;
        this.directories = directories;
    }

    /**
     * Lists the files under {@code root}. {@code root} may also be a single Java file.
     *
     * @throws TenetInputException when {@code root} is a file but not a Java file, or an exclusion of
     *                             the config matches nothing (unless opted out)
     */
    public static SourceTree scan(Path root, TenetConfig config) {
        List<Path> java = new ArrayList<>();
        List<Path> properties = new ArrayList<>();
        List<Path> schemas = new ArrayList<>();
        List<String> modules = new ArrayList<>();
        List<Path> buildFiles = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        Set<PathGlob> usedExcludes = new HashSet<>();
        if (Files.isRegularFile(root)) {
            requireJava(root);
            return new SourceTree(List.of(root), List.of(), List.of(), new BuildModules(List.of()), List.of(), List.of());
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && isSkipped(root.relativize(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    directories.add(dir);
                    for (String name : BuildModules.BUILD_FILES) {
                        if (Files.isRegularFile(dir.resolve(name))) {
                            buildFiles.add(dir.resolve(name));
                        }
                    }
                    if (!buildFiles.isEmpty() && buildFiles.get(buildFiles.size() - 1).getParent().equals(dir)) {
                        modules.add(dir.equals(root) ? BuildModules.ROOT : relative(root, dir));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    boolean isJava = name.endsWith(".java");
                    boolean isProperties = PROPERTY_FILE.matcher(name).matches();
                    String relative = relative(root, file);
                    boolean isSchema = name.endsWith(".json") && SchemaFiles.isSchema(relative);
                    if (!isJava && !isProperties && !isSchema) {
                        return FileVisitResult.CONTINUE;
                    }
                    for (PathGlob exclude : config.excludes()) {
                        if (exclude.matches(relative)) {
                            usedExcludes.add(exclude);
                            return FileVisitResult.CONTINUE;
                        }
                    }
                    if (!config.checkTestSources() && isTestSource(relative)) {
                        return FileVisitResult.CONTINUE;
                    }
                    (isJava ? java : isProperties ? properties : schemas).add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new TenetInputException(root.toString(), 0, "cannot list files: " + e.getMessage());
        }
        if (!config.allowEmptyExcludes()) {
            for (PathGlob exclude : config.excludes()) {
                if (!usedExcludes.contains(exclude)) {
                    throw new TenetInputException(config.file(), 0, "exclusion '" + exclude
                            + "' matches no file; fix the pattern or set 'allowEmptyExcludes: true'");
                }
            }
        }
        java.sort(null);
        properties.sort(null);
        schemas.sort(null);
        buildFiles.sort(null);
        return new SourceTree(List.copyOf(java), List.copyOf(properties), List.copyOf(schemas), new BuildModules(modules), List.copyOf(buildFiles),
                List.copyOf(directories));
    }

    /**
     * Refuses a single file that is not Java as what to check.
     *
     * @throws TenetInputException when {@code file} does not end in {@code .java}
     */
    public static void requireJava(Path file) {
        if (!file.getFileName().toString().endsWith(".java")) {
            throw new TenetInputException(file.toString(), 0, "not a Java file; give a directory or a .java file");
        }
    }

    private static boolean isSkipped(Path relativeDir) {
        String name = relativeDir.getFileName().toString();
        if (SKIPPED_ANYWHERE.contains(name)) {
            return true;
        }
        if (!BUILD_OUTPUT.contains(name)) {
            return false;
        }
        for (Path segment : relativeDir) {
            if (segment.toString().equals("src")) {
                return false;
            }
        }
        return true;
    }

    public List<Path> javaFiles() {
        return javaFiles;
    }

    public List<Path> propertyFiles() {
        return propertyFiles;
    }

    /** The committed event schemas ({@code schemas/<subject>/v<N>.json}). */
    public List<Path> schemaFiles() {
        return schemaFiles;
    }

    /** The tree's build modules. */
    public BuildModules modules() {
        return modules;
    }

    /**
     * Every folder the scan entered (the root first): a file is added to or removed from the tree only by
     * changing one of them, so a caller that sees none of their modification times change may keep the tree.
     */
    public List<Path> directories() {
        return directories;
    }

    /** The build files that make the modules ({@code pom.xml}, {@code build.gradle[.kts]}). */
    public List<Path> buildFiles() {
        return buildFiles;
    }

    public static String relative(Path root, Path file) {
        if (root.equals(file)) {
            return file.getFileName().toString();
        }
        return root.relativize(file).toString().replace('\\', '/');
    }
}
