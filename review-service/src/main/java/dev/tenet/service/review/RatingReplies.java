package dev.tenet.service.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.review.feedback.GitHubFeedback;
import dev.tenet.review.feedback.RatingStore;
import dev.tenet.review.feedback.ReviewCommentWebhook;
import dev.tenet.review.github.GitHubAuth;
import dev.tenet.review.github.GitHubConnection;
import dev.tenet.review.github.PublishLog;
import dev.tenet.review.github.PullRequestRef;
import dev.tenet.review.github.Retrier;
import dev.tenet.service.GitHubAppSettings;
import dev.tenet.service.webhook.ReviewCommentListener;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The precision loop's side of the {@code pull_request_review_comment} webhook: a "not useful" reply to a Tenet comment is
 * recorded against its rule. The replied-to comment is read from GitHub as the App, off the request thread (GitHub waits
 * 10 s for the delivery's answer).
 */
public final class RatingReplies implements ReviewCommentListener, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(RatingReplies.class);

    private final RatingStore store;
    private final GitHubAppSettings app;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tenet-rating-replies");
        thread.setDaemon(true);
        return thread;
    });

    public RatingReplies(RatingStore store, GitHubAppSettings app) {
        this.store = store;
        this.app = app;
    }

    @Override
    public void onReviewComment(String deliveryId, JsonNode payload) {
        try {
            worker.execute(() -> record(deliveryId, payload));
        } catch (RejectedExecutionException e) {
            LOG.warn("review comment of delivery {} not rated: the service is stopping", deliveryId);
        }
    }

    @SuppressWarnings("try") // the log context is the try's resource, scoping MDC fields to the block
    private void record(String deliveryId, JsonNode payload) {
        String repository = payload.path("repository").path("full_name").asText("");
        int number = payload.path("pull_request").path("number").asInt(0);
        try (CloseableThreadContext.Instance context = CloseableThreadContext.put("delivery", deliveryId).put("repository", repository)
                .put("pullRequest", String.valueOf(number))) {
            int slash = repository.indexOf('/');
            if (slash <= 0 || number <= 0) {
                LOG.info("review comment not rated: the payload names no repository or pull request");
                return;
            }
            try {
                Retrier retrier = Retrier.standard(Duration.ofSeconds(1), Duration.ofSeconds(10));
                PullRequestRef ref = new PullRequestRef(repository.substring(0, slash), repository.substring(slash + 1), number);
                GitHubConnection connection = GitHubConnection.open(app.apiUrl(), new GitHubAuth.App(app.appId(), app.privateKeyPem()), ref, retrier);
                ReviewCommentWebhook.Outcome outcome = new ReviewCommentWebhook(store, new GitHubFeedback(connection, retrier, repository))
                        .handle(payload);
                LOG.info("review comment {}", outcome.description());
            } catch (Exception e) {
                LOG.warn("review comment not rated: {}", PublishLog.reason(e));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
