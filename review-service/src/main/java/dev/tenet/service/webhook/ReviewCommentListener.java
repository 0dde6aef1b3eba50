package dev.tenet.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;

/** Receives {@code pull_request_review_comment} deliveries (replies to Tenet's comments count for or against a rule). */
@FunctionalInterface
public interface ReviewCommentListener {
    /**
     * Called on the request thread once the delivery's signature is verified and it is seen for the first time; must return
     * quickly (GitHub waits 10 s for the answer).
     *
     * @param deliveryId GitHub's {@code X-GitHub-Delivery}
     * @param payload    the event as GitHub sent it ({@code action}, {@code comment}, {@code pull_request}, {@code repository})
     */
    void onReviewComment(String deliveryId, JsonNode payload);
}
