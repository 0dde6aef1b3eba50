package dev.tenet.review.github;

import dev.tenet.review.ReviewResult;
import dev.tenet.review.ReviewScope;
import dev.tenet.review.Reviewer;
import dev.tenet.review.llm.LlmReviewPass;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.config.TenetConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Reviews a pull request's change as read from GitHub, with the repository's own rules and configuration, and with the
 * LLM pass when the repository configures one: the one path {@code tenet review --publish github} and the review service share.
 */
public final class PullRequestReviewer {
    private final ScanCache cache;
    private final int parallelism;
    private final Map<String, String> env;

    /** @param env where the LLM pass reads its API key (the variable the repository's configuration names) */
    public PullRequestReviewer(ScanCache cache, int parallelism, Map<String, String> env) {
        this.cache = cache;
        this.parallelism = parallelism;
        this.env = Map.copyOf(env);
    }

    /** The review of one pull request and the catalog it was made with (for reports). */
    public record Reviewed(ReviewResult result, RuleCatalog catalog) {
    }

    /** @param description the pull request's title and body, given to the LLM pass as data */
    public Reviewed review(PullRequestChange change, ReviewScope scope, boolean useBaseline, Optional<String> description) {
        TenetConfig config = ConfigLoader.load(change.root());
        if (!change.fullContext()) {
            // Only the changed files are here: a layer or exclusion matching none of them is not a typo.
            config = config.forPartialTree();
        }
        RuleCatalog catalog = RuleCatalog.forRepository(change.root());
        ReviewResult result = new Reviewer(catalog, cache, parallelism)
                .review(change.root(), config, change.changes(), scope, useBaseline).withNotReviewed(change.notReviewed());
        result = LlmReviewPass.applyConfigured(result, change.root(), config, useBaseline, env, description);
        return new Reviewed(result, catalog);
    }
}
