package dev.tenet.cli.hook;

import dev.tenet.rules.Severity;
import dev.tenet.rules.baseline.Baseline;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.checks.BuiltinChecks;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.engine.BuildModules;
import dev.tenet.rules.engine.Engine;
import dev.tenet.rules.engine.SourceTree;
import dev.tenet.rules.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Checks one file an agent edited exactly as {@code tenet check FILE} does: in its build module (the
 * folder {@link BuildModules#rootOf} names), with that repository's configuration, rules and baseline; keeps
 * the file's new findings at or above a severity, most severe first. The module's file listing is kept
 * between checks ({@link SourceTrees}).
 */
final class EditedFileChecker {
    /** The findings of one edited file, with the repository they were found in (their paths are relative to it). */
    record Checked(Path repository, List<Finding> findings) {
    }

    private static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator.comparing(Finding::severity)
            .thenComparingInt(Finding::startLine).thenComparing(Finding::ruleId);

    private final ScanCache cache;
    private final int parallelism;
    private final SourceTrees trees = new SourceTrees();

    EditedFileChecker(ScanCache cache, int parallelism) {
        this.cache = cache;
        this.parallelism = parallelism;
    }

    /** Whether Tenet checks this file at all: a Java file that exists inside one of the workspaces. */
    static boolean isCheckable(Path file, List<Path> workspaces) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".java") && Files.isRegularFile(file)
                && workspaces.stream().anyMatch(workspace -> file.startsWith(workspace.toAbsolutePath().normalize()));
    }

    Checked check(Path file, Severity threshold) {
        Path repository = BuildModules.rootOf(file);
        TenetConfig config = ConfigLoader.load(repository);
        SourceTree tree = trees.of(repository, config, file);
        if (!tree.javaFiles().contains(file)) {
            // a test source or an excluded file: tenet check FILE has no findings for it either
            return new Checked(repository, List.of());
        }
        RuleCatalog catalog = RuleCatalog.forRepository(repository);
        Engine.Result module = new Engine(catalog, BuiltinChecks.all(), parallelism).check(repository, tree, config, cache, Engine.Progress.NONE);
        String relative = SourceTree.relative(repository, file);
        List<Finding> own = module.findings().stream().filter(finding -> finding.file().equals(relative)).toList();
        List<Finding> fresh = Baseline.load(Baseline.fileIn(repository)).filter(own).newFindings();
        return new Checked(repository, fresh.stream()
                .filter(finding -> finding.severity().isAtLeast(threshold))
                .sorted(MOST_SEVERE_FIRST)
                .toList());
    }
}
