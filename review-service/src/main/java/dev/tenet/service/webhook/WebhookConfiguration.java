package dev.tenet.service.webhook;

import dev.tenet.review.feedback.PrecisionLoop;
import dev.tenet.review.github.PullRequestReviewer;
import dev.tenet.service.GitHubAppSettings;
import dev.tenet.service.ServeSettings;
import dev.tenet.service.queue.InProcessReviewQueue;
import dev.tenet.service.queue.JobRunner;
import dev.tenet.service.queue.ReviewMetrics;
import dev.tenet.service.queue.ReviewQueue;
import dev.tenet.service.review.GitHubJobRunner;
import dev.tenet.service.review.RatingReplies;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The GitHub webhook and the review jobs behind it; on when {@code tenet serve} has a GitHub App ({@code tenet.webhook.enabled}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tenet.webhook.enabled", havingValue = "true")
@Import(WebhookConfiguration.InProcessQueueConfiguration.class)
public class WebhookConfiguration {
    /** Deliveries remembered for dedupe: GitHub redelivers within hours; a day of a busy organisation fits. */
    private static final int DELIVERIES_REMEMBERED = 100_000;
    private static final Duration DELIVERY_MEMORY = Duration.ofHours(24);

    @Bean
    GitHubAppSettings gitHubAppSettings(ServeSettings settings) {
        return settings.github().orElseThrow();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LatestHeads latestHeads() {
        return new LatestHeads(10_000);
    }

    @Bean
    ReviewMetrics reviewMetrics(MeterRegistry registry) {
        return new ReviewMetrics(registry);
    }

    @Bean
    JobRunner jobRunner(GitHubAppSettings app, ServeSettings settings, LatestHeads heads, ReviewMetrics metrics) {
        PullRequestReviewer reviewer = new PullRequestReviewer(settings.cache(), Runtime.getRuntime().availableProcessors(), System.getenv());
        return new GitHubJobRunner(app, reviewer, settings.ratings().map(PrecisionLoop::new), heads, metrics, Duration.ofSeconds(1));
    }

    /** Replies saying "not useful" to Tenet's comments count against their rules (the precision loop). */
    @Bean(destroyMethod = "close")
    RatingReplies ratingReplies(ServeSettings settings, GitHubAppSettings app) {
        return new RatingReplies(settings.ratings().orElseThrow(), app);
    }

    @Bean
    WebhookController webhookController(GitHubAppSettings app, LatestHeads heads, ReviewQueue queue, RatingReplies listener, Clock clock) {
        return new WebhookController(new WebhookSignature(app.webhookSecret()), new DeliveryLog(DELIVERIES_REMEMBERED, DELIVERY_MEMORY, clock),
                new PullRequestEvent(app.reviewDrafts()), heads, queue, listener, clock);
    }

    /** The default queue, for one machine (imported, not scanned: only with the webhook). */
    @ConditionalOnProperty(name = "tenet.queue", havingValue = "in-process", matchIfMissing = true)
    static class InProcessQueueConfiguration {
        @Bean(destroyMethod = "close")
        ReviewQueue reviewQueue(JobRunner runner, MeterRegistry registry, GitHubAppSettings app, Clock clock) {
            return new InProcessReviewQueue(runner, new ReviewMetrics(registry), app.workers(), app.queueCapacity(), clock);
        }
    }
}
