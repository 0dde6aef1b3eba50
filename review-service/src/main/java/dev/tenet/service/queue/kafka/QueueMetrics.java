package dev.tenet.service.queue.kafka;

import dev.tenet.service.queue.JobOutcome;
import dev.tenet.service.queue.ReviewJob;
import dev.tenet.service.queue.ReviewMetrics;
import dev.tenet.service.queue.ReviewQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The queue's meters: {@code tenet.reviews} counted by {@code outcome} (the {@link JobOutcome} name in lower case, as in the in-process queue) and the {@code tenet.queue.depth} gauge. */
final class QueueMetrics {
    static final String REVIEWS = "tenet.reviews";
    static final String DEPTH = "tenet.queue.depth";

    private final Map<JobOutcome, Counter> counters = new EnumMap<>(JobOutcome.class);
    private final ReviewMetrics review;

    QueueMetrics(MeterRegistry registry) {
        review = new ReviewMetrics(registry);
        for (JobOutcome outcome : JobOutcome.values()) {
            counters.put(outcome, Counter.builder(REVIEWS).description("Review jobs by outcome")
                    .tag("outcome", tag(outcome)).register(registry));
        }
    }

    /** The outcome's tag value, as the in-process queue's {@code ReviewMetrics} writes it. */
    static String tag(JobOutcome outcome) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT);
    }

    void count(JobOutcome outcome) {
        counters.get(outcome).increment();
    }

    /** Records how long a job that ran took from its delivery (the in-process queue's {@code tenet.review.latency}). */
    void took(ReviewJob job, JobOutcome outcome, Instant now) {
        review.latency(job, outcome, now);
    }

    static void gaugeDepth(MeterRegistry registry, ReviewQueue queue) {
        Gauge.builder(DEPTH, queue, ReviewQueue::depth).description("Review jobs accepted and not finished").register(registry);
    }
}
