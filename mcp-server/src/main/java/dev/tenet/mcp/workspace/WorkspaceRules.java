package dev.tenet.mcp.workspace;

import dev.tenet.rules.search.RuleIndex;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.TenetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The rule catalog, its search index and the config of each workspace, reloaded only when
 * {@code .tenet/rules} or {@code .tenet/config.yml} changed (by name, size or modification time).
 */
public final class WorkspaceRules {

    /** A workspace's catalog with its index. */
    public record Rules(RuleCatalog catalog, RuleIndex index) {
    }

    private record Cached(String stamp, Rules rules) {
    }

    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    /** The catalog of the workspace: built-in rules plus its {@code .tenet/rules}. */
    public Rules rules(Workspace workspace) {
        String stamp = stamp(workspace.root().resolve(RuleCatalog.REPOSITORY_RULES));
        Cached cached = cache.get(workspace.root());
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.rules();
        }
        RuleCatalog catalog = RuleCatalog.forRepository(workspace.root());
        Rules rules = new Rules(catalog, new RuleIndex(catalog.all()));
        cache.put(workspace.root(), new Cached(stamp, rules));
        return rules;
    }

    /** The workspace's effective config (its {@code .tenet/config.yml}, or the defaults). */
    public TenetConfig config(Workspace workspace) {
        return ConfigLoader.load(workspace.root());
    }

    private static String stamp(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        StringBuilder stamp = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                stamp.append(file.getFileName()).append(':').append(Files.size(file)).append(':')
                        .append(Files.getLastModifiedTime(file).toMillis()).append(';');
            }
        } catch (IOException e) {
            return "unreadable:" + System.nanoTime();
        }
        return stamp.toString();
    }
}
