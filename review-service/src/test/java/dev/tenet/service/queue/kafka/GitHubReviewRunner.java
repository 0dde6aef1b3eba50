package dev.tenet.service.queue.kafka;

import dev.tenet.review.ReviewResult;
import dev.tenet.review.ReviewScope;
import dev.tenet.review.Reviewer;
import dev.tenet.review.github.GitHubAuth;
import dev.tenet.review.github.PullRequestChange;
import dev.tenet.review.github.PullRequestRef;
import dev.tenet.review.github.PullRequestSession;
import dev.tenet.review.github.Retrier;
import dev.tenet.rules.Severity;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.service.queue.JobOutcome;
import dev.tenet.service.queue.JobRunner;
import dev.tenet.service.queue.ReviewJob;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reviews a job's pull request through GitHub's API and publishes the review, composed from review-bot as
 * {@code tenet review --publish github} composes it (no checkout: the files are read at the head commit through the API).
 */
final class GitHubReviewRunner implements JobRunner {
    private final String apiUrl;
    private final Path noCheckout;

    GitHubReviewRunner(String apiUrl, Path noCheckout) {
        this.apiUrl = apiUrl;
        this.noCheckout = noCheckout;
    }

    @Override
    public JobOutcome run(ReviewJob job) throws Exception {
        PullRequestRef ref = new PullRequestRef(job.owner(), job.repository(), job.number());
        Retrier retrier = Retrier.standard(Duration.ofMillis(1));
        PullRequestSession session = PullRequestSession.open(apiUrl, new GitHubAuth.Token("ghs_16C7e42F292c6912E7710c838347Ae178B4a"),
                ref, retrier);
        try (PullRequestChange change = session.readChange(noCheckout, 100)) {
            TenetConfig config = ConfigLoader.load(change.root());
            if (!change.fullContext()) {
                config = config.forPartialTree();
            }
            RuleCatalog catalog = RuleCatalog.forRepository(change.root());
            ReviewResult result = new Reviewer(catalog, ScanCache.none(), 1)
                    .review(change.root(), config, change.changes(), ReviewScope.LINES, true).withNotReviewed(change.notReviewed());
            session.publisher().publish(result, change.headSha(), ReviewScope.LINES.label(), Severity.ERROR, 50);
        }
        return JobOutcome.PUBLISHED;
    }
}
