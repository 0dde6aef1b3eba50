package dev.tenet.service.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.service.queue.QueueFullException;
import dev.tenet.service.queue.ReviewJob;
import dev.tenet.service.queue.ReviewQueue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/github}: verifies GitHub's signature over the raw body before anything is parsed, answers at once
 * and leaves the review to the queue.
 */
@RestController
class WebhookController {
    static final String PATH = "/webhooks/github";
    private static final Logger LOG = LogManager.getLogger(WebhookController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookSignature signature;
    private final DeliveryLog deliveries;
    private final PullRequestEvent pullRequests;
    private final LatestHeads heads;
    private final ReviewQueue queue;
    private final ReviewCommentListener reviewComments;
    private final Clock clock;

    WebhookController(WebhookSignature signature, DeliveryLog deliveries, PullRequestEvent pullRequests, LatestHeads heads,
            ReviewQueue queue, ReviewCommentListener reviewComments, Clock clock) {
        this.signature = signature;
        this.deliveries = deliveries;
        this.pullRequests = pullRequests;
        this.heads = heads;
        this.queue = queue;
        this.reviewComments = reviewComments;
        this.clock = clock;
    }

    @SuppressWarnings("try") // the log context is the try's resource, scoping MDC fields to the block
    @PostMapping(PATH)
    ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
        byte[] body;
        try {
            body = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), BoundedBody.GITHUB_LIMIT);
        } catch (BoundedBody.TooLargeException e) {
            return reply(HttpStatus.PAYLOAD_TOO_LARGE, "the payload is over GitHub's 25 MB limit");
        }
        if (!signature.verifies(body, request.getHeader("X-Hub-Signature-256"))) {
            return reply(HttpStatus.UNAUTHORIZED, "missing or wrong X-Hub-Signature-256");
        }
        String event = request.getHeader("X-GitHub-Event");
        String delivery = request.getHeader("X-GitHub-Delivery");
        if (event == null || delivery == null || delivery.isBlank()) {
            return reply(HttpStatus.BAD_REQUEST, "missing X-GitHub-Event or X-GitHub-Delivery");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (IOException e) {
            return reply(HttpStatus.BAD_REQUEST, "the payload is not JSON");
        }
        try (CloseableThreadContext.Instance context = CloseableThreadContext.put("delivery", delivery).put("event", event)
                .put("repository", payload.path("repository").path("full_name").asText(""))) {
            if (!deliveries.firstTime(delivery)) {
                LOG.info("delivery already processed");
                return reply(HttpStatus.OK, "delivery " + delivery + " was already processed");
            }
            return switch (event) {
                case "ping" -> reply(HttpStatus.OK, "pong");
                case "pull_request" -> pullRequest(delivery, payload);
                case "pull_request_review_comment" -> {
                    reviewComments.onReviewComment(delivery, payload);
                    yield reply(HttpStatus.ACCEPTED, "review comment received");
                }
                default -> reply(HttpStatus.ACCEPTED, "event '" + event + "' is ignored");
            };
        }
    }

    @SuppressWarnings("try") // the log context is the try's resource, scoping MDC fields to the block
    private ResponseEntity<Map<String, String>> pullRequest(String delivery, JsonNode payload) {
        PullRequestEvent.Decision decision = pullRequests.decide(delivery, payload, clock.instant());
        Optional<ReviewJob> job = decision.job();
        if (job.isEmpty()) {
            LOG.info("no review: {}", decision.reason());
            return reply(HttpStatus.ACCEPTED, "no review: " + decision.reason());
        }
        try (CloseableThreadContext.Instance context = CloseableThreadContext.put("pullRequest", String.valueOf(job.get().number()))
                .put("headSha", job.get().headSha())) {
            heads.accepted(job.get());
            try {
                queue.submit(job.get());
            } catch (QueueFullException e) {
                deliveries.forget(delivery);
                LOG.warn("review refused: {}", e.getMessage());
                return reply(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            }
            LOG.info("review queued");
            return reply(HttpStatus.ACCEPTED, "review of " + job.get().pullRequestKey() + " at " + job.get().headSha() + " queued");
        }
    }

    private static ResponseEntity<Map<String, String>> reply(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
