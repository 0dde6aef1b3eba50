package dev.tenet.review;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.review.change.FileChange;
import dev.tenet.rules.baseline.Baseline;
import dev.tenet.rules.baseline.BaselineResult;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.checks.BuiltinChecks;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.engine.Engine;
import dev.tenet.rules.engine.SourceTree;
import dev.tenet.rules.finding.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reviews a change: runs the engine over the whole tree (so layering and cross-class checks see
 * the codebase), applies the baseline, and keeps the findings the scope asks for, each shown at the
 * first place on its path the change touched.
 */
public final class Reviewer {
    private final RuleCatalog catalog;
    private final ScanCache cache;
    private final int parallelism;

    public Reviewer(RuleCatalog catalog, ScanCache cache, int parallelism) {
        this.catalog = catalog;
        this.cache = cache;
        this.parallelism = parallelism;
    }

    /**
     * @param root        the new version of the repository, on disk
     * @param config      the repository's configuration
     * @param changes     what the change touched (paths relative to {@code root})
     * @param scope       which findings to keep
     * @param useBaseline whether {@code .tenet/baseline.json} under {@code root} applies
     */
    public ReviewResult review(Path root, TenetConfig config, ChangeSet changes, ReviewScope scope, boolean useBaseline) {
        Engine.Result result = new Engine(catalog, BuiltinChecks.all(), parallelism).check(root, config, cache, Engine.Progress.NONE);
        List<Finding> inScope = new ArrayList<>();
        int outOfScope = 0;
        for (Finding finding : result.findings()) {
            if (scope.keeps(finding, changes)) {
                inScope.add(ChangedSteps.anchored(finding, changes));
            } else {
                outOfScope++;
            }
        }
        int baselined = 0;
        List<Finding> fresh = inScope;
        if (useBaseline) {
            BaselineResult filtered = Baseline.load(Baseline.fileIn(root)).filter(inScope);
            fresh = filtered.newFindings();
            baselined = filtered.baselined();
        }
        fresh = new ArrayList<>(fresh);
        fresh.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::startLine).thenComparingInt(Finding::column)
                .thenComparing(Finding::ruleId));
        List<String> notReviewed = notChecked(config, changes);
        notReviewed.addAll(result.notices());
        return new ReviewResult(fresh, baselined, outOfScope, result.filesChecked(), changes, catalog, notReviewed);
    }

    private static List<String> notChecked(TenetConfig config, ChangeSet changes) {
        List<String> notes = new ArrayList<>();
        int excluded = 0;
        int other = 0;
        for (FileChange file : changes.files()) {
            if (!SourceTree.isChecked(file.path())) {
                other++;
            } else if (config.isExcluded(file.path())) {
                excluded++;
            }
        }
        if (excluded > 0) {
            notes.add(excluded + " changed source file(s) excluded by .tenet/config.yml.");
        }
        if (other > 0) {
            notes.add(other + " changed file(s) that are not Java sources (only Java code, Spring property files and event schemas are checked).");
        }
        return notes;
    }
}
