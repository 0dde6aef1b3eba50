package dev.tenet.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.service.queue.ReviewJob;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Which {@code pull_request} deliveries ask for a review, and the job they ask for. */
final class PullRequestEvent {
    private static final Set<String> REVIEWED_ACTIONS = Set.of("opened", "synchronize", "reopened", "ready_for_review");

    /** The job to queue, or why there is none. */
    record Decision(Optional<ReviewJob> job, String reason) {
    }

    private final boolean reviewDrafts;

    PullRequestEvent(boolean reviewDrafts) {
        this.reviewDrafts = reviewDrafts;
    }

    Decision decide(String deliveryId, JsonNode payload, Instant receivedAt) {
        String action = payload.path("action").asText();
        JsonNode pullRequest = payload.path("pull_request");
        if (!REVIEWED_ACTIONS.contains(action)) {
            return skip("action '" + action + "' is not reviewed");
        }
        if (!"open".equals(pullRequest.path("state").asText("open"))) {
            return skip("the pull request is not open");
        }
        if (pullRequest.path("draft").asBoolean(false) && !reviewDrafts) {
            return skip("drafts are not reviewed");
        }
        String owner = payload.path("repository").path("owner").path("login").asText("");
        String name = payload.path("repository").path("name").asText("");
        int number = pullRequest.path("number").asInt(payload.path("number").asInt(0));
        String headSha = pullRequest.path("head").path("sha").asText("");
        if (owner.isEmpty() || name.isEmpty() || number < 1 || headSha.isEmpty()) {
            return skip("the payload lacks the repository, the pull request number or its head commit");
        }
        long installation = payload.path("installation").path("id").asLong(0);
        return new Decision(Optional.of(new ReviewJob(owner, name, number, headSha, installation, deliveryId, receivedAt)), "queued");
    }

    private static Decision skip(String reason) {
        return new Decision(Optional.empty(), reason);
    }
}
