package dev.tenet.cli;

import dev.tenet.review.ReviewResult;
import dev.tenet.review.ReviewScope;
import dev.tenet.review.feedback.RatingStore;
import dev.tenet.review.github.HeadMovedException;
import dev.tenet.review.github.PublishException;
import dev.tenet.review.github.PublishLog;
import dev.tenet.review.github.PullRequestChange;
import dev.tenet.review.github.PullRequestRef;
import dev.tenet.review.github.PullRequestReviewer;
import dev.tenet.review.github.PullRequestSession;
import dev.tenet.review.github.RateLimitedException;
import dev.tenet.review.github.Retrier;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.report.Report;
import dev.tenet.rules.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code --publish github} path of {@code tenet review}: read the pull request, review it, publish, report what was posted. */
final class PullRequestReview {
    private final CommandSpec spec;
    private final EngineOptions engine;
    private final ReportOptions report;
    private final GitHubOptions github;
    private final RatingsOptions ratings;

    PullRequestReview(CommandSpec spec, EngineOptions engine, ReportOptions report, GitHubOptions github, RatingsOptions ratings) {
        this.spec = spec;
        this.engine = engine;
        this.report = report;
        this.github = github;
        this.ratings = ratings;
    }

    int run(ReportFormat format, ReviewScope scope, Severity threshold, boolean useBaseline) throws IOException {
        Map<String, String> env = System.getenv();
        github.validate();
        PullRequestRef ref = github.pullRequest(env);
        String apiUrl = github.apiUrl(env);
        PrintWriter err = spec.commandLine().getErr();
        RatingStore store = ratings.open(engine.cache.cacheDir);
        Retrier retrier = Retrier.standard(Duration.ofMillis(Math.max(0, github.retryDelayMillis)), Duration.ofSeconds(github.maxWaitSeconds));
        PullRequestSession session;
        try {
            session = PullRequestSession.open(apiUrl, github.auth(env), ref, retrier);
        } catch (RateLimitedException e) {
            err.println(rateLimited(e));
            return ExitCodes.PUBLISH_FAILED;
        } catch (IOException e) {
            err.println("tenet: cannot read pull request " + ref + " from " + apiUrl + ": " + PublishLog.reason(e) + "\n  Nothing was posted.");
            return ExitCodes.PUBLISH_FAILED;
        }
        try (PullRequestChange change = session.readChange(engine.directory, github.maxApiFiles)) {
            PullRequestReviewer.Reviewed reviewed = new PullRequestReviewer(engine.scanCache(), engine.parallelism(), env)
                    .review(change, scope, useBaseline, Optional.of(session.description()));
            RuleCatalog catalog = reviewed.catalog();
            ReviewResult result = new RatingsStep(store, err).apply(session, retrier, ref, reviewed.result());
            report.write(spec, format, Report.of(result.findings(), catalog, ref.toString(), change.changes().size(), result.baselined())
                    .withNotices(result.llmPass()));
            try {
                PublishLog log = session.publisher().publish(result, change.headSha(), scope.label(), threshold, github.maxComments);
                err.print("tenet: published the review of " + ref + ":\n" + log.describe());
            } catch (PublishException e) {
                err.println("tenet: " + e.getMessage());
                return ExitCodes.PUBLISH_FAILED;
            } catch (HeadMovedException e) {
                // Not a failure: the push that moved the head starts its own review, which publishes.
                err.println("tenet: " + e.getMessage());
            }
            return result.failsAt(threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
        } catch (RateLimitedException e) {
            err.println(rateLimited(e));
            return ExitCodes.PUBLISH_FAILED;
        } catch (IOException e) {
            err.println("tenet: cannot read the change of pull request " + ref + ": " + PublishLog.reason(e) + "\n  Nothing was posted.");
            return ExitCodes.PUBLISH_FAILED;
        }
    }

    private static String rateLimited(RateLimitedException e) {
        return "tenet: " + e.getMessage() + " (--github-max-wait); retry at " + e.retryAt()
                + ". What was posted stays; re-running completes it without duplicates.";
    }
}
