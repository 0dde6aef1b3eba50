package dev.tenet.mcp.tools;

import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.mcp.workspace.WorkspaceException;
import dev.tenet.mcp.workspace.WorkspaceRules;
import dev.tenet.rules.baseline.Baseline;
import dev.tenet.rules.baseline.BaselineResult;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.checks.BuiltinChecks;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.engine.Engine;
import dev.tenet.rules.engine.SourceTree;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.FileModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Runs the engine over a whole workspace, with its config, catalog and baseline, and keeps the
 * findings of the part asked about: a file or folder on disk, or a text not yet saved.
 */
public final class CodeChecker {
    /**
     * What a check found.
     *
     * @param findings     findings in the part asked about, baselined ones removed
     * @param filesChecked Java files of that part
     * @param baselined    findings left out because the workspace's baseline accepts them
     * @param catalog      the rules they were judged by
     */
    public record Result(List<Finding> findings, int filesChecked, int baselined, RuleCatalog catalog) {
    }

    private final WorkspaceRules rules;
    private final ScanCache cache;

    public CodeChecker(WorkspaceRules rules, ScanCache cache) {
        this.rules = rules;
        this.cache = cache;
    }

    /** Checks a file or folder of the workspace as it is on disk. */
    public Result checkPath(Workspace workspace, Path target) {
        if (!Files.exists(target)) {
            throw new WorkspaceException("no such file or folder in the workspace: " + workspace.relative(target));
        }
        String relative = workspace.relative(target);
        if (Files.isRegularFile(target)) {
            requireCheckable(relative);
        }
        Predicate<String> inScope = relative.equals(".") ? p -> true
                : Files.isDirectory(target) ? p -> p.startsWith(relative + "/") : relative::equals;
        TenetConfig config = rules.config(workspace);
        return run(workspace, workspace.root(), config, inScope, cache);
    }

    /** Checks {@code code} as if it were saved at {@code target} (replacing the file there, if any); writes nothing to the workspace. */
    public Result checkSource(Workspace workspace, Path target, String code) {
        String relative = workspace.relative(target);
        requireCheckable(relative);
        if (Files.isDirectory(target)) {
            throw new WorkspaceException("'filename' names a folder of the workspace: " + relative);
        }
        TenetConfig config = rules.config(workspace);
        // The mirror holds only the files the config does not exclude, so its exclusions match nothing there.
        TenetConfig mirrored = config.allowingEmptyMatches(false, true);
        try (ShadowTree shadow = ShadowTree.of(workspace.root(), config, relative, code)) {
            return run(workspace, shadow.root(), mirrored, relative::equals, cache.withoutStamps());
        }
    }

    private Result run(Workspace workspace, Path root, TenetConfig config, Predicate<String> inScope, ScanCache scanCache) {
        RuleCatalog catalog = rules.rules(workspace).catalog();
        Engine engine = new Engine(catalog, BuiltinChecks.all());
        Engine.Result result = engine.check(root, config, scanCache, Engine.Progress.NONE);
        List<Finding> findings = result.findings().stream().filter(f -> inScope.test(f.file())).toList();
        int files = (int) result.files().stream().map(FileModel::path).filter(inScope).count();
        Baseline baseline = Baseline.load(Baseline.fileIn(workspace.root()));
        if (baseline.isEmpty()) {
            return new Result(findings, files, 0, catalog);
        }
        BaselineResult filtered = baseline.filter(findings);
        return new Result(filtered.newFindings(), files, filtered.baselined(), catalog);
    }

    private static void requireCheckable(String relative) {
        if (!SourceTree.isChecked(relative)) {
            throw new WorkspaceException("Tenet checks Java sources, Spring property files (application*.yml or .properties)"
                    + " and event schemas (schemas/<subject>/v<N>.json), not " + relative);
        }
    }
}
