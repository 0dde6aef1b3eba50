package dev.tenet.review.feedback;

import java.time.Instant;
import java.util.Objects;

/**
 * One rating of one Tenet review comment. A rater rates a comment once: a later rating by the same
 * rater replaces an earlier one.
 *
 * @param repository  {@code owner/name}
 * @param pullRequest the pull request's number
 * @param commentId   the review comment's id on GitHub
 * @param ruleId      the rule the comment reports
 * @param rater       the GitHub login of the person, or {@link #FIX} for a fix pushed for the finding
 * @param verdict     useful or not
 * @param source      what the rating was read from
 * @param ratedAt     when the rating was given (the reaction's or reply's time; the review's time for a fix)
 */
public record Rating(String repository, int pullRequest, long commentId, String ruleId, String rater, Verdict verdict,
                     Source source, Instant ratedAt) {
    /** The rater of a fix; no GitHub login contains a colon. */
    public static final String FIX = "tenet:fix";

    /** Where a rating came from. */
    public enum Source {
        REACTION,
        REPLY,
        FIX
    }

    public Rating {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(rater, "rater");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ratedAt, "ratedAt");
    }
}
