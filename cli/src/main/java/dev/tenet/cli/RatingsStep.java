package dev.tenet.cli;

import dev.tenet.review.ReviewResult;
import dev.tenet.review.feedback.GitHubFeedback;
import dev.tenet.review.feedback.PrecisionLoop;
import dev.tenet.review.feedback.RatingStore;
import dev.tenet.review.feedback.RatingStoreException;
import dev.tenet.review.feedback.RuleHealth;
import dev.tenet.review.github.PullRequestRef;
import dev.tenet.review.github.PullRequestSession;
import dev.tenet.review.github.Retrier;
import dev.tenet.rules.TenetInputException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.stream.Collectors;

/** The precision loop in {@code review --publish github}: record the ratings on Tenet's earlier comments, demote noisy rules. */
final class RatingsStep {
    private final RatingStore store;
    private final PrintWriter err;

    RatingsStep(RatingStore store, PrintWriter err) {
        this.store = store;
        this.err = err;
    }

    ReviewResult apply(PullRequestSession session, Retrier retrier, PullRequestRef ref, ReviewResult result) {
        GitHubFeedback feedback = new GitHubFeedback(session.connection(), retrier, ref.fullName());
        try {
            PrecisionLoop.Outcome outcome = new PrecisionLoop(store).apply(feedback, ref.fullName(), ref.number(), result, Instant.now());
            if (outcome.unread().isPresent()) {
                err.println("tenet: cannot read the ratings on the pull request's comments: " + outcome.unread().get()
                        + "; rules are demoted from earlier ratings only.");
                return outcome.result();
            }
            if (outcome.ratingsRead() > 0) {
                err.println("tenet: ratings: " + outcome.ratingsRead() + " read from the pull request's comments, " + outcome.ratingsChanged()
                        + " new or changed, in " + store.database().describe() + ".");
            }
            if (!outcome.demoted().isEmpty()) {
                err.println("tenet: demoted (not blocking): " + outcome.demoted().stream()
                        .map(h -> h.ruleId() + " (" + h.percent() + " not useful over " + h.ratings() + " ratings)").collect(Collectors.joining(", "))
                        + "; re-enable with '" + RuleHealth.reenableCommand("RULE") + "'.");
            }
            return outcome.result();
        } catch (RatingStoreException e) {
            throw new TenetInputException(e.getMessage());
        }
    }
}
