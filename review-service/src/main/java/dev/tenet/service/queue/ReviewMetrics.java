package dev.tenet.service.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * The service's meters, shared by every queue: {@code tenet.reviews} by outcome, {@code tenet.review.latency} (from the
 * delivery to the job's end), {@code tenet.queue.depth}, and {@code tenet.findings} by rule.
 */
public final class ReviewMetrics {
    private final MeterRegistry registry;

    public ReviewMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a finished job and, unless it was re-queued, its latency since the delivery. */
    public void finished(ReviewJob job, JobOutcome outcome, Instant now) {
        Counter.builder("tenet.reviews").description("Review jobs by outcome").tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
        if (outcome != JobOutcome.REQUEUED) {
            latency(job, outcome, now);
        }
    }

    /** Records the time from the job's delivery to its end. */
    public void latency(ReviewJob job, JobOutcome outcome, Instant now) {
        Timer.builder("tenet.review.latency").description("From the webhook delivery to the end of its review job")
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).record(Duration.between(job.requestedAt(), now));
    }

    /** Counts a published finding of {@code ruleId}. */
    public void finding(String ruleId) {
        Counter.builder("tenet.findings").description("Findings published, by rule").tag("rule", ruleId).register(registry).increment();
    }

    /** Reports the queue's depth as a gauge. */
    public void watch(ReviewQueue queue) {
        Gauge.builder("tenet.queue.depth", queue, ReviewQueue::depth).description("Review jobs accepted and not finished")
                .register(registry);
    }
}
