package dev.tenet.rules.testing;

import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.checks.BuiltinChecks;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.engine.Engine;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small codebase written into a temporary folder and checked with every built-in check.
 * Snippets may hold several files: a line {@code // file: path/Name.java} starts a new file (any
 * extension, so {@code application.yml} works too). Without it, a Java snippet goes to
 * {@code src/main/java/<package>/<FirstType>.java}.
 */
public final class Codebase {
    private static final Pattern FILE_MARK = Pattern.compile("^\\s*(?://|#)\\s*file:\\s*(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+(\\w+)");

    private final Path root;
    private final Map<String, String> files = new LinkedHashMap<>();

    public Codebase(Path root) {
        this.root = root;
    }

    /** Adds a snippet (one or several files). */
    public Codebase add(String snippet) {
        Matcher mark = FILE_MARK.matcher(snippet);
        List<int[]> marks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (mark.find()) {
            marks.add(new int[] {mark.start(), mark.end()});
            names.add(mark.group(1));
        }
        if (marks.isEmpty()) {
            files.put(defaultPath(snippet), snippet);
            return this;
        }
        String head = snippet.substring(0, marks.get(0)[0]);
        if (!head.isBlank()) {
            files.put(defaultPath(head), head);
        }
        for (int i = 0; i < marks.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : snippet.length();
            String body = snippet.substring(marks.get(i)[1], end).replaceFirst("^\\R", "");
            String name = names.get(i);
            files.put(name.endsWith(".java") && !name.contains("/") ? javaPath(body, name) : name, body);
        }
        return this;
    }

    public Codebase file(String path, String content) {
        files.put(path, content);
        return this;
    }

    public Path root() {
        return write();
    }

    /** Checks the codebase with every built-in check and the repository's config (if written). */
    public List<Finding> check() {
        Path dir = write();
        TenetConfig config = ConfigLoader.load(dir);
        return new Engine(RuleCatalog.forRepository(dir), BuiltinChecks.all(), 1)
                .check(dir, config, ScanCache.none(), Engine.Progress.NONE).findings();
    }

    /** Findings of one rule only. */
    public List<Finding> check(String ruleId) {
        return check().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    private Path write() {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String defaultPath(String java) {
        Matcher type = TYPE.matcher(java);
        String name = type.find() ? type.group(1) : "Snippet" + Integer.toHexString(java.hashCode());
        return javaPath(java, name + ".java");
    }

    private static String javaPath(String java, String fileName) {
        Matcher pkg = PACKAGE.matcher(java);
        String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
        return "src/main/java/" + folder + fileName + (fileName.endsWith(".java") ? "" : ".java");
    }
}
