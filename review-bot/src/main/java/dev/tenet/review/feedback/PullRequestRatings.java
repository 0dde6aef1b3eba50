package dev.tenet.review.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ratings a pull request's review comments hold when it is reviewed again: 👍/👎 reactions on
 * Tenet's comments, "not useful" replies (see {@link ReplyVerdict}), and a fix for every Tenet
 * comment whose finding the new review no longer reports. Bots' reactions and replies are not ratings.
 */
public final class PullRequestRatings {
    /** The reactions of one review comment, shaped as GitHub's reactions endpoint answers. */
    @FunctionalInterface
    public interface Reactions {
        List<JsonNode> of(long commentId) throws IOException;
    }

    private PullRequestRatings() {
    }

    /**
     * @param repository   {@code owner/name}
     * @param comments     the pull request's review comments, as GitHub's review-comment list answers
     * @param reactions    reads a comment's reactions; asked only when the comment's reaction rollup shows a 👍 or 👎 (or has no rollup)
     * @param fingerprints the fingerprints of the findings the new review reports
     * @param now          the time of this review (a fix's rating time)
     */
    public static List<Rating> read(String repository, int pullRequest, List<JsonNode> comments, Reactions reactions,
                                    Set<String> fingerprints, Instant now) throws IOException {
        Map<Long, TenetComment> tenet = new LinkedHashMap<>();
        for (JsonNode comment : comments) {
            if (comment.path("in_reply_to_id").asLong(0) <= 0) {
                TenetComment.of(comment).ifPresent(found -> tenet.put(found.id(), found));
            }
        }
        List<Rating> ratings = new ArrayList<>();
        for (JsonNode comment : comments) {
            TenetComment parent = tenet.get(comment.path("in_reply_to_id").asLong(0));
            if (parent != null && !isBot(comment.path("user"))) {
                Optional<Verdict> verdict = ReplyVerdict.of(comment.path("body").asText(""));
                if (verdict.isPresent()) {
                    ratings.add(new Rating(repository, pullRequest, parent.id(), parent.ruleId(), login(comment.path("user")),
                            verdict.get(), Rating.Source.REPLY, time(comment.path("created_at"), now)));
                }
            }
        }
        for (JsonNode comment : comments) {
            TenetComment own = tenet.get(comment.path("id").asLong(0));
            if (own == null) {
                continue;
            }
            if (mayHaveVotes(comment.path("reactions"))) {
                for (JsonNode reaction : reactions.of(own.id())) {
                    verdictOf(reaction.path("content").asText("")).filter(v -> !isBot(reaction.path("user"))).ifPresent(verdict ->
                            ratings.add(new Rating(repository, pullRequest, own.id(), own.ruleId(), login(reaction.path("user")), verdict,
                                    Rating.Source.REACTION, time(reaction.path("created_at"), now))));
                }
            }
            if (!own.resolved() && !fingerprints.contains(own.fingerprint())) {
                ratings.add(new Rating(repository, pullRequest, own.id(), own.ruleId(), Rating.FIX, Verdict.USEFUL, Rating.Source.FIX, now));
            }
        }
        return latestPerRater(ratings);
    }

    /** One rating per rater and comment: the latest (a 👍 changed to a 👎 is a 👎). */
    private static List<Rating> latestPerRater(List<Rating> ratings) {
        Map<String, Rating> latest = new LinkedHashMap<>();
        for (Rating rating : ratings) {
            latest.merge(rating.commentId() + "\u0000" + rating.rater(), rating,
                    (earlier, later) -> later.ratedAt().isBefore(earlier.ratedAt()) ? earlier : later);
        }
        return new ArrayList<>(latest.values());
    }

    static Optional<Verdict> verdictOf(String reaction) {
        return switch (reaction) {
            case "+1" -> Optional.of(Verdict.USEFUL);
            case "-1" -> Optional.of(Verdict.NOT_USEFUL);
            default -> Optional.empty();
        };
    }

    private static boolean mayHaveVotes(JsonNode rollup) {
        return rollup.isMissingNode() || rollup.isNull() || rollup.path("+1").asInt(0) > 0 || rollup.path("-1").asInt(0) > 0;
    }

    static boolean isBot(JsonNode user) {
        return "Bot".equals(user.path("type").asText()) || user.path("login").asText("").endsWith("[bot]");
    }

    static String login(JsonNode user) {
        String login = user.path("login").asText("");
        return login.isEmpty() ? "id:" + user.path("id").asLong() : login;
    }

    static Instant time(JsonNode value, Instant fallback) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : fallback;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
