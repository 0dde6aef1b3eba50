package dev.tenet.service.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The service's meters, shared by every queue: {@code tenet.reviews} by outcome, {@code tenet.review.latency} (from the
 * delivery to the job's end), {@code tenet.queue.depth}, and {@code tenet.findings} by rule.
 */
public final class ReviewMetrics {
    public static final String REVIEWS = "tenet.reviews";
    public static final String DEPTH = "tenet.queue.depth";

    private final MeterRegistry registry;
    private final Map<JobOutcome, Counter> reviews = new EnumMap<>(JobOutcome.class);

    public ReviewMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every outcome from the start, so a dashboard shows 0 rather than nothing.
        for (JobOutcome outcome : JobOutcome.values()) {
            reviews.put(outcome, Counter.builder(REVIEWS).description("Review jobs by outcome").tag("outcome", tag(outcome)).register(registry));
        }
    }

    /** The {@code outcome} tag's value. */
    public static String tag(JobOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    /** Counts a finished job and, unless it was re-queued, its latency since the delivery. */
    public void finished(ReviewJob job, JobOutcome outcome, Instant now) {
        count(outcome);
        if (outcome != JobOutcome.REQUEUED) {
            latency(job, outcome, now);
        }
    }

    /** Counts a job's outcome (also one whose record was not a job, or which was superseded unrun). */
    public void count(JobOutcome outcome) {
        reviews.get(outcome).increment();
    }

    /** Records the time from the job's delivery to its end. */
    public void latency(ReviewJob job, JobOutcome outcome, Instant now) {
        Timer.builder("tenet.review.latency").description("From the webhook delivery to the end of its review job")
                .tag("outcome", tag(outcome)).register(registry).record(Duration.between(job.requestedAt(), now));
    }

    /** Counts a published finding of {@code ruleId}. */
    public void finding(String ruleId) {
        Counter.builder("tenet.findings").description("Findings published, by rule").tag("rule", ruleId).register(registry).increment();
    }

    /** Reports the queue's depth as a gauge. */
    public void watch(ReviewQueue queue) {
        Gauge.builder(DEPTH, queue, ReviewQueue::depth).description("Review jobs accepted and not finished").register(registry);
    }
}
