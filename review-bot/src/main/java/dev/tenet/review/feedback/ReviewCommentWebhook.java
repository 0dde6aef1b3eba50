package dev.tenet.review.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records the rating in a {@code pull_request_review_comment} webhook: a reply (action
 * {@code created}, {@code in_reply_to_id} set) to a Tenet comment that says "not useful" (see
 * {@link ReplyVerdict}). The payload does not carry the replied-to comment, so it is read by id.
 * Plain Java, for the webhook service to call once the delivery's signature is verified.
 */
public final class ReviewCommentWebhook {
    /** Reads one review comment by id, shaped as GitHub's REST API answers; empty when it is gone. */
    @FunctionalInterface
    public interface Comments {
        Optional<JsonNode> find(String repository, long commentId) throws IOException;
    }

    /** What a delivery did: whether a rating was recorded, and a sentence for the log. */
    public record Outcome(boolean recorded, String description) {
    }

    private final RatingStore store;
    private final Comments comments;

    public ReviewCommentWebhook(RatingStore store, Comments comments) {
        this.store = store;
        this.comments = comments;
    }

    /**
     * @param payload the webhook's JSON body
     * @throws IOException when the replied-to comment cannot be read from GitHub
     * @throws RatingStoreException when the rating cannot be stored
     */
    public Outcome handle(JsonNode payload) throws IOException {
        JsonNode comment = payload.path("comment");
        long parentId = comment.path("in_reply_to_id").asLong(0);
        if (!"created".equals(payload.path("action").asText())) {
            return ignored("action " + payload.path("action").asText("(none)") + " is not a new reply");
        }
        if (parentId <= 0) {
            return ignored("comment " + comment.path("id").asLong() + " is not a reply");
        }
        if (PullRequestRatings.isBot(comment.path("user"))) {
            return ignored("reply " + comment.path("id").asLong() + " is by a bot");
        }
        Optional<Verdict> verdict = ReplyVerdict.of(comment.path("body").asText(""));
        if (verdict.isEmpty()) {
            return ignored("reply " + comment.path("id").asLong() + " is not a rating");
        }
        String repository = payload.path("repository").path("full_name").asText("");
        if (repository.isEmpty()) {
            return ignored("the payload names no repository");
        }
        Optional<TenetComment> parent = comments.find(repository, parentId).flatMap(TenetComment::of);
        if (parent.isEmpty()) {
            return ignored("comment " + parentId + " in " + repository + " is not a Tenet comment");
        }
        int number = payload.path("pull_request").path("number").asInt(0);
        Rating rating = new Rating(repository, number, parentId, parent.get().ruleId(), PullRequestRatings.login(comment.path("user")),
                verdict.get(), Rating.Source.REPLY, PullRequestRatings.time(comment.path("created_at"), Instant.now()));
        store.record(List.of(rating));
        return new Outcome(true, "recorded: " + rating.rater() + " rated comment " + parentId + " (" + rating.ruleId() + ") in "
                + repository + "#" + number + " not useful");
    }

    private static Outcome ignored(String why) {
        return new Outcome(false, "ignored: " + why);
    }
}
