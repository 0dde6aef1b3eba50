package dev.tenet.service.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.review.github.RateLimitedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-process queue driven through {@link ReviewQueue}: per-PR order, superseding, the bound, and rate-limit retries. */
class InProcessReviewQueueTests {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private InProcessReviewQueue queue;

    @AfterEach
    void close() {
        release.countDown();
        queue.close();
    }

    private static ReviewJob job(int number, String sha) {
        return new ReviewJob("acme", "learning", number, sha, 42, "delivery-" + number + sha, Instant.now());
    }

    private double reviews(JobOutcome outcome) {
        var counter = registry.find("tenet.reviews").tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Runs jobs of PR 1 only after {@link #release}; others at once. */
    private JobOutcome blockingFirstPullRequest(ReviewJob job) throws InterruptedException {
        if (job.number() == 1) {
            started.countDown();
            release.await(60, TimeUnit.SECONDS);
        }
        ran.add(job.number() + "@" + job.headSha());
        return JobOutcome.PUBLISHED;
    }

    @Test
    void aNewerHeadReplacesTheWaitingJobOfItsPullRequestAndJobsOfOnePullRequestRunOneAtATime() throws Exception {
        queue = new InProcessReviewQueue(this::blockingFirstPullRequest, new ReviewMetrics(registry), 2, 10, Clock.systemUTC());

        queue.submit(job(1, "a"));
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        queue.submit(job(1, "b"));
        queue.submit(job(1, "c"));
        await(() -> reviews(JobOutcome.SUPERSEDED) == 1);
        assertThat(queue.depth()).as("a running, c waiting").isEqualTo(2);
        release.countDown();
        await(() -> queue.depth() == 0);

        assertThat(ran).containsExactly("1@a", "1@c");
        assertThat(reviews(JobOutcome.PUBLISHED)).isEqualTo(2);
        assertThat(registry.find("tenet.queue.depth").gauge().value()).isZero();
    }

    @Test
    void aFullQueueRefusesTheJob() {
        queue = new InProcessReviewQueue(this::blockingFirstPullRequest, new ReviewMetrics(registry), 1, 1, Clock.systemUTC());
        queue.submit(job(1, "a"));

        assertThatThrownBy(() -> queue.submit(job(2, "x"))).isInstanceOf(QueueFullException.class).hasMessageContaining("full (1 jobs)");
    }

    @Test
    void aRateLimitedJobWaitsForItsRetryTimeWithoutHoldingTheOnlyWorker() throws Exception {
        AtomicBoolean limited = new AtomicBoolean(true);
        CountDownLatch otherRan = new CountDownLatch(1);
        JobRunner runner = job -> {
            if (job.number() == 1 && limited.getAndSet(false)) {
                throw new RateLimitedException("API rate limit exceeded", Instant.now().plus(Duration.ofMillis(300)));
            }
            if (job.number() == 1) {
                // Only after the other pull request's job ran on the single worker: the retry did not hold it.
                assertThat(otherRan.await(60, TimeUnit.SECONDS)).isTrue();
            } else {
                otherRan.countDown();
            }
            ran.add(job.number() + "@" + job.headSha());
            return JobOutcome.PUBLISHED;
        };
        queue = new InProcessReviewQueue(runner, new ReviewMetrics(registry), 1, 10, Clock.systemUTC());

        queue.submit(job(1, "a"));
        await(() -> reviews(JobOutcome.REQUEUED) == 1);
        queue.submit(job(2, "x"));
        await(() -> queue.depth() == 0);

        assertThat(ran).containsExactly("2@x", "1@a");
        assertThat(reviews(JobOutcome.PUBLISHED)).isEqualTo(2);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 60 s").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
