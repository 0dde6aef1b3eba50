package dev.tenet.rules.catalog;

import dev.tenet.rules.TenetInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules in force: the built-in rules shipped in the jar, with a repository's
 * {@code .tenet/rules/*.md} added on top (a repository rule with a built-in id replaces it).
 */
public final class RuleCatalog {
    public static final String BUILTIN_PREFIX = "builtin:";
    static final String BUILTIN_FOLDER = "/tenet/rules/";
    static final String BUILTIN_INDEX = BUILTIN_FOLDER + "index.txt";
    public static final String REPOSITORY_RULES = ".tenet/rules";

    private final Map<String, Rule> rules;

    private RuleCatalog(Map<String, Rule> rules) {
        this.rules = rules;
    }

    /** The built-in rules only. */
    public static RuleCatalog builtin() {
        return new RuleCatalog(loadBuiltin());
    }

    /** Whether the repository at {@code root} has rule files of its own ({@code .tenet/rules}). */
    public static boolean hasRepositoryRules(Path root) {
        return Files.isDirectory(root.resolve(REPOSITORY_RULES));
    }

    /** Built-in rules plus those of the repository at {@code root} (if it has {@code .tenet/rules}). */
    public static RuleCatalog forRepository(Path root) {
        Map<String, Rule> rules = loadBuiltin();
        Path folder = root.resolve(REPOSITORY_RULES);
        if (Files.isDirectory(folder)) {
            for (Rule rule : loadFolder(folder, root)) {
                rules.put(rule.id(), rule);
            }
        }
        return new RuleCatalog(rules);
    }

    public Collection<Rule> all() {
        return rules.values();
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public boolean contains(String id) {
        return rules.containsKey(id);
    }

    /** The names of the built-in rule files, in catalog order. */
    public static List<String> builtinFileNames() {
        try (InputStream in = RuleCatalog.class.getResourceAsStream(BUILTIN_INDEX)) {
            if (in == null) {
                throw new IllegalStateException("built-in rule index " + BUILTIN_INDEX + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Rule> loadBuiltin() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (String name : builtinFileNames()) {
            try (InputStream in = RuleCatalog.class.getResourceAsStream(BUILTIN_FOLDER + name)) {
                if (in == null) {
                    throw new IllegalStateException("built-in rule " + name + " is listed in the index but missing");
                }
                Rule rule = RuleParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, BUILTIN_PREFIX + name);
                if (rules.put(rule.id(), rule) != null) {
                    throw new IllegalStateException("duplicate built-in rule id " + rule.id());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rules;
    }

    private static List<Rule> loadFolder(Path folder, Path root) {
        List<Rule> rules = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String display = root.relativize(file).toString().replace('\\', '/');
                Rule rule = RuleParser.parse(Files.readString(file), display, display);
                String previous = seen.put(rule.id(), display);
                if (previous != null) {
                    throw new TenetInputException(display, 2, "rule id '" + rule.id() + "' is also defined in " + previous);
                }
                rules.add(rule);
            }
        } catch (IOException e) {
            throw new TenetInputException(folder.toString(), 0, "cannot read rules: " + e.getMessage());
        }
        return rules;
    }
}
