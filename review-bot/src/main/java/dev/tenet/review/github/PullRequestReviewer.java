package dev.tenet.review.github;

import dev.tenet.review.ReviewResult;
import dev.tenet.review.ReviewScope;
import dev.tenet.review.Reviewer;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.TenetConfig;

/**
 * Reviews a pull request's change as read from GitHub, with the repository's own rules and configuration: the one path
 * {@code tenet review --publish github} and the review service share.
 */
public final class PullRequestReviewer {
    private final ScanCache cache;
    private final int parallelism;

    public PullRequestReviewer(ScanCache cache, int parallelism) {
        this.cache = cache;
        this.parallelism = parallelism;
    }

    /** The review of one pull request and the catalog it was made with (for reports). */
    public record Reviewed(ReviewResult result, RuleCatalog catalog) {
    }

    public Reviewed review(PullRequestChange change, ReviewScope scope, boolean useBaseline) {
        TenetConfig config = ConfigLoader.load(change.root());
        if (!change.fullContext()) {
            // Only the changed files are here: a layer or exclusion matching none of them is not a typo.
            config = config.forPartialTree();
        }
        RuleCatalog catalog = RuleCatalog.forRepository(change.root());
        ReviewResult result = new Reviewer(catalog, cache, parallelism)
                .review(change.root(), config, change.changes(), scope, useBaseline).withNotReviewed(change.notReviewed());
        return new Reviewed(result, catalog);
    }
}
