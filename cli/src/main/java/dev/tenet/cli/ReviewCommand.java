package dev.tenet.cli;

import dev.tenet.review.ReviewResult;
import dev.tenet.review.ReviewScope;
import dev.tenet.review.Reviewer;
import dev.tenet.review.git.LocalChange;
import dev.tenet.review.git.LocalChanges;
import dev.tenet.review.llm.LlmReviewPass;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.report.Report;
import dev.tenet.rules.report.ReportFormat;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenet review}: checks a change (local git, or a GitHub pull request) and reports the findings on the lines it touched. */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Review a change against the rules: findings on the changed lines only (see --scope).",
            "Local: --worktree (default: everything uncommitted), --staged, or --base REF [--head REF] (no git binary needed).",
            "GitHub: --publish github posts inline comments, a check run and one summary comment on a pull request.",
            "Optional LLM pass: an llm: section in .tenet/config.yml adds a model's findings, labelled (LLM), within a token budget."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_TEXT, ExitCodes.FINDINGS_TEXT, ExitCodes.USAGE_TEXT, ExitCodes.INTERNAL_TEXT,
            ExitCodes.PUBLISH_FAILED_TEXT})
final class ReviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Mixin
    ReportOptions report;

    @Option(names = "--base", paramLabel = "REF", description = "Review the change since REF (to --head, or to the working tree).")
    String base;

    @Option(names = "--head", paramLabel = "REF", description = "The new version (with --base). Default: the working tree.")
    String head;

    @Option(names = "--staged", description = "Review what is staged (HEAD against the index).")
    boolean staged;

    @Option(names = "--worktree", description = "Review every uncommitted change, untracked files included (the default).")
    boolean worktree;

    @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "lines",
            description = "Findings to keep: lines (on changed lines), files (in changed files) or all. Default: ${DEFAULT-VALUE}.")
    String scope;

    @Mixin
    FindingGateOptions gate;

    @Option(names = "--publish", paramLabel = "TARGET", description = "Publish the review: github (a pull request; findings at or above --fail-on request changes).")
    String publish;

    @Mixin
    GitHubOptions github;

    @Mixin
    RatingsOptions ratings;

    @Override
    public Integer call() throws Exception {
        Severity threshold = gate.threshold(spec);
        ReviewScope reviewScope = parseScope();
        ReportFormat format = report.format(spec);
        if (publish != null) {
            if (!publish.equalsIgnoreCase("github")) {
                throw new ParameterException(spec.commandLine(), "Invalid --publish '" + publish + "' (expected github)");
            }
            if (base != null || head != null || staged || worktree) {
                throw new ParameterException(spec.commandLine(), "--publish github reviews the pull request's own change: drop --base, --head, --staged and --worktree");
            }
            return new PullRequestReview(spec, engine, report, github, ratings).run(format, reviewScope, threshold, gate.useBaseline());
        }
        try (LocalChange change = localChange()) {
            RuleCatalog catalog = RuleCatalog.forRepository(change.root());
            TenetConfig config = ConfigLoader.load(change.root());
            ReviewResult result = LlmReviewPass.applyConfigured(new Reviewer(catalog, engine.scanCache(), engine.parallelism())
                    .review(change.root(), config, change.changes(), reviewScope, gate.useBaseline()),
                    change.root(), config, gate.useBaseline(), System.getenv(), Optional.empty());
            String name = engine.directory.toAbsolutePath().normalize().getFileName() + " (" + change.description() + ")";
            // A snapshot of another commit is deleted after the review: its paths are shown relative to the repository.
            report.write(spec, format, Report.of(result.findings(), catalog, name, change.changes().size(), result.baselined())
                            .withNotices(result.llmPass()),
                    change.snapshot().isPresent() ? Path.of("") : change.root());
            note(result, change.description());
            return result.failsAt(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
    }

    private LocalChange localChange() {
        int modes = (base != null ? 1 : 0) + (staged ? 1 : 0) + (worktree ? 1 : 0);
        if (modes > 1) {
            throw new ParameterException(spec.commandLine(), "Choose one of --base, --staged and --worktree");
        }
        if (head != null && base == null) {
            throw new ParameterException(spec.commandLine(), "--head needs --base");
        }
        if (base != null) {
            return LocalChanges.between(engine.directory, base, Optional.ofNullable(head));
        }
        return staged ? LocalChanges.staged(engine.directory) : LocalChanges.worktree(engine.directory);
    }

    private void note(ReviewResult result, String description) {
        if (result.outOfScope() > 0) {
            spec.commandLine().getErr().println("tenet: reviewed " + result.changes().size() + " changed file(s) (" + description + "); "
                    + result.outOfScope() + " finding(s) outside the --scope " + scope + " not shown.");
        }
        result.notReviewed().forEach(note -> spec.commandLine().getErr().println("tenet: not reviewed: " + note));
    }

    private ReviewScope parseScope() {
        try {
            return ReviewScope.parse(scope);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid --scope: " + e.getMessage());
        }
    }
}
