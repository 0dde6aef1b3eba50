package dev.tenet.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The listener used when no precision loop is configured: logs the comment's action and id, nothing else. */
final class LoggingReviewCommentListener implements ReviewCommentListener {
    private static final Logger LOG = LogManager.getLogger(LoggingReviewCommentListener.class);

    @Override
    public void onReviewComment(String deliveryId, JsonNode payload) {
        LOG.info("review comment {} {} (no precision loop configured)", payload.path("comment").path("id").asLong(),
                payload.path("action").asText());
    }
}
