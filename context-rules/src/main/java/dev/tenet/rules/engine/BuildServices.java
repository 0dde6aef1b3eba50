package dev.tenet.rules.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services of a tree, read from its build files without running the build: each deployable
 * module (one no other module of the tree depends on) together with the modules it depends on,
 * directly or not. A service split into modules ({@code app} depending on {@code core}) is one
 * service, so the error handler bean in {@code app} answers for the listeners in {@code core}; a
 * library two services share belongs to both, and never joins them. Dependencies are Maven
 * {@code <dependency>} artifact ids (not {@code <dependencyManagement>}) and Gradle
 * {@code project(':name')} references that name another module of the tree.
 */
final class BuildServices {
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern PARENT = Pattern.compile("(?s)<parent>.*?</parent>");
    private static final Pattern MANAGEMENT = Pattern.compile("(?s)<dependencyManagement>.*?</dependencyManagement>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
    private static final Pattern DEPENDENCY = Pattern.compile("(?s)<dependency>(.*?)</dependency>");
    private static final Pattern GRADLE_PROJECT = Pattern.compile("project\\s*\\(\\s*(?:path\\s*[:=]\\s*)?[\"']([\\w.:-]+)[\"']");

    private BuildServices() {
    }

    /**
     * @param root       the checked root
     * @param modules    its build modules
     * @param buildFiles their build files
     * @return each service as the set of its module folders, in a stable order; every module is in at least one
     */
    static List<Set<String>> of(Path root, BuildModules modules, List<Path> buildFiles) {
        Map<String, String> folderByName = new HashMap<>();
        Map<String, Set<String>> dependencyNames = new TreeMap<>();
        Set<String> ambiguous = new TreeSet<>();
        for (Path file : buildFiles) {
            String folder = modules.moduleOf(SourceTree.relative(root, file));
            String text = read(file);
            String name = file.getFileName().toString().equals("pom.xml") ? artifactId(text) : null;
            if (name == null) {
                name = folder.isEmpty() ? root.getFileName().toString() : folder.substring(folder.lastIndexOf('/') + 1);
            }
            if (folderByName.containsKey(name) && !folderByName.get(name).equals(folder)) {
                ambiguous.add(name);
            }
            folderByName.put(name, folder);
            dependencyNames.computeIfAbsent(folder, f -> new TreeSet<>()).addAll(dependencies(file, text));
        }
        ambiguous.forEach(folderByName::remove);
        Map<String, Set<String>> dependsOn = new TreeMap<>();
        Set<String> dependedOn = new TreeSet<>();
        for (String folder : modules.folders()) {
            Set<String> targets = new TreeSet<>();
            for (String name : dependencyNames.getOrDefault(folder, Set.of())) {
                String target = folderByName.get(name);
                if (target != null && !target.equals(folder)) {
                    targets.add(target);
                }
            }
            dependsOn.put(folder, targets);
            dependedOn.addAll(targets);
        }
        List<Set<String>> services = new ArrayList<>();
        Set<String> covered = new TreeSet<>();
        for (String folder : new TreeSet<>(dependsOn.keySet())) {
            if (!dependedOn.contains(folder)) {
                Set<String> service = closure(folder, dependsOn);
                services.add(service);
                covered.addAll(service);
            }
        }
        for (String folder : new TreeSet<>(dependsOn.keySet())) {
            if (!covered.contains(folder)) { // in a dependency cycle with no deployable above it
                Set<String> service = closure(folder, dependsOn);
                services.add(service);
                covered.addAll(service);
            }
        }
        if (!covered.contains(BuildModules.ROOT)) {
            services.add(Set.of(BuildModules.ROOT)); // files outside every module
        }
        return services;
    }

    private static Set<String> closure(String start, Map<String, Set<String>> dependsOn) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (seen.add(next)) {
                queue.addAll(dependsOn.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    private static String artifactId(String pom) {
        Matcher own = ARTIFACT.matcher(PARENT.matcher(COMMENT.matcher(pom).replaceAll("")).replaceFirst(""));
        return own.find() ? own.group(1) : null;
    }

    private static Set<String> dependencies(Path file, String text) {
        Set<String> names = new TreeSet<>();
        if (file.getFileName().toString().equals("pom.xml")) {
            String body = MANAGEMENT.matcher(COMMENT.matcher(text).replaceAll("")).replaceAll("");
            Matcher dependency = DEPENDENCY.matcher(body);
            while (dependency.find()) {
                Matcher artifact = ARTIFACT.matcher(dependency.group(1));
                if (artifact.find()) {
                    names.add(artifact.group(1));
                }
            }
        } else {
            Matcher project = GRADLE_PROJECT.matcher(text);
            while (project.find()) {
                String path = project.group(1);
                names.add(path.substring(path.lastIndexOf(':') + 1));
            }
        }
        return names;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return ""; // an unreadable build file links nothing: its module stands alone
        }
    }
}
