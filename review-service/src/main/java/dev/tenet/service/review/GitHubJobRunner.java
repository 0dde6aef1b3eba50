package dev.tenet.service.review;

import dev.tenet.review.ReviewResult;
import dev.tenet.review.ReviewScope;
import dev.tenet.review.feedback.GitHubFeedback;
import dev.tenet.review.feedback.PrecisionLoop;
import dev.tenet.review.feedback.RatingStoreException;
import dev.tenet.review.feedback.RuleHealth;
import dev.tenet.review.github.GitHubAuth;
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
import dev.tenet.rules.finding.Finding;
import dev.tenet.service.GitHubAppSettings;
import dev.tenet.service.queue.JobOutcome;
import dev.tenet.service.queue.JobRunner;
import dev.tenet.service.queue.ReviewJob;
import dev.tenet.service.queue.ReviewMetrics;
import dev.tenet.service.webhook.LatestHeads;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Reviews one pull request as the GitHub App: reads its files at the head commit through the API (no clone), reviews them
 * with the repository's rules and publishes as {@code tenet review --publish github} does.
 */
public final class GitHubJobRunner implements JobRunner {
    private static final Logger LOG = LogManager.getLogger(GitHubJobRunner.class);
    /** The defaults of {@code tenet review --publish github}. */
    static final int MAX_COMMENTS = 30;
    static final int MAX_API_FILES = 300;
    static final Severity FAIL_ON = Severity.WARNING;
    /** The longest rate-limit wait a worker sits out; a longer one re-queues the job for GitHub's retry time. */
    static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(10);

    private final GitHubAppSettings app;
    private final PullRequestReviewer reviewer;
    private final Optional<PrecisionLoop> ratings;
    private final LatestHeads heads;
    private final ReviewMetrics metrics;
    private final Duration retryDelay;

    /** @param ratings the precision loop: ratings read from the pull request's comments, noisy rules demoted (empty: none) */
    public GitHubJobRunner(GitHubAppSettings app, PullRequestReviewer reviewer, Optional<PrecisionLoop> ratings, LatestHeads heads,
            ReviewMetrics metrics, Duration retryDelay) {
        this.app = app;
        this.reviewer = reviewer;
        this.ratings = ratings;
        this.heads = heads;
        this.metrics = metrics;
        this.retryDelay = retryDelay;
    }

    @SuppressWarnings("try") // the log context is the try's resource, scoping MDC fields to the block
    @Override
    public JobOutcome run(ReviewJob job) throws RateLimitedException {
        try (CloseableThreadContext.Instance context = CloseableThreadContext.put("delivery", job.deliveryId())
                .put("repository", job.owner() + "/" + job.repository()).put("pullRequest", String.valueOf(job.number()))
                .put("headSha", job.headSha())) {
            JobOutcome outcome = review(job);
            LOG.info("review {}", outcome.name().toLowerCase(java.util.Locale.ROOT));
            return outcome;
        }
    }

    private JobOutcome review(ReviewJob job) throws RateLimitedException {
        if (!heads.isLatest(job)) {
            return JobOutcome.SUPERSEDED;
        }
        PullRequestRef ref = new PullRequestRef(job.owner(), job.repository(), job.number());
        try {
            // A rate limit longer than a short wait re-queues the job (RateLimitedException) instead of holding a worker.
            Retrier retrier = Retrier.standard(retryDelay, MAX_RATE_LIMIT_WAIT);
            PullRequestSession session = PullRequestSession.open(app.apiUrl(), new GitHubAuth.App(app.appId(), app.privateKeyPem()), ref,
                    retrier);
            try (PullRequestChange change = session.readChange(null, MAX_API_FILES)) {
                if (!change.headSha().equals(job.headSha())) {
                    LOG.info("the pull request's head is now {}: this delivery's review is stale", change.headSha());
                    return JobOutcome.SUPERSEDED;
                }
                ReviewResult result = reviewer.review(change, ReviewScope.LINES, true, Optional.of(session.description())).result();
                result = rated(session, retrier, ref, result);
                if (!heads.isLatest(job)) {
                    return JobOutcome.SUPERSEDED;
                }
                PublishLog published = session.publisher().publish(result, change.headSha(), ReviewScope.LINES.label(), FAIL_ON, MAX_COMMENTS);
                result.findings().stream().map(Finding::ruleId).forEach(metrics::finding);
                LOG.info("published {} findings: {}", result.findings().size(), published.describe().strip().replace('\n', ';'));
                return JobOutcome.PUBLISHED;
            }
        } catch (RatingStoreException e) {
            LOG.error("the ratings database failed: {}", e.getMessage());
            return JobOutcome.FAILED;
        } catch (HeadMovedException e) {
            LOG.info(e.getMessage());
            return JobOutcome.SUPERSEDED;
        } catch (RateLimitedException e) {
            throw e;
        } catch (PublishException e) {
            LOG.error("publishing failed: {}", e.getMessage());
            return JobOutcome.FAILED;
        } catch (IOException | RuntimeException e) {
            LOG.error("the review failed: {}", PublishLog.reason(e));
            return JobOutcome.FAILED;
        }
    }

    /** The precision loop between review and publish: ratings on earlier comments recorded, demoted rules no longer blocking. */
    private ReviewResult rated(PullRequestSession session, Retrier retrier, PullRequestRef ref, ReviewResult result) {
        if (ratings.isEmpty()) {
            return result;
        }
        PrecisionLoop.Outcome outcome = ratings.get().apply(new GitHubFeedback(session.connection(), retrier, ref.fullName()),
                ref.fullName(), ref.number(), result, Instant.now());
        outcome.unread().ifPresent(reason -> LOG.warn("cannot read the ratings on the pull request's comments: {}; "
                + "rules are demoted from earlier ratings only", reason));
        if (outcome.ratingsRead() > 0 || !outcome.demoted().isEmpty()) {
            LOG.info("ratings: {} read, {} new or changed; demoted: {}", outcome.ratingsRead(), outcome.ratingsChanged(),
                    outcome.demoted().stream().map(RuleHealth::ruleId).toList());
        }
        return outcome.result();
    }
}
