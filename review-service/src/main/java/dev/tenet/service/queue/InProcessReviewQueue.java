package dev.tenet.service.queue;

import dev.tenet.review.github.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The default queue, for one machine: bounded, a fixed number of workers, one job at a time per pull request. A pull
 * request has at most one job waiting: a newer one replaces it (the older is superseded, never run). A job stopped by
 * GitHub's rate limit waits on a timer for its retry time, not on a worker.
 */
public final class InProcessReviewQueue implements ReviewQueue {
    private static final Logger LOG = LogManager.getLogger(InProcessReviewQueue.class);

    /** One pull request's jobs: the one waiting to run, and whether one is running. */
    private static final class Lane {
        ReviewJob waiting;
        boolean running;
        int retrying;
    }

    private final JobRunner runner;
    private final ReviewMetrics metrics;
    private final int capacity;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService retries;
    private final Map<String, Lane> lanes = new HashMap<>();
    private int depth;
    private boolean closed;

    public InProcessReviewQueue(JobRunner runner, ReviewMetrics metrics, int workers, int capacity, Clock clock) {
        this.runner = runner;
        this.metrics = metrics;
        this.capacity = capacity;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(workers, named("tenet-review-"));
        this.retries = Executors.newSingleThreadScheduledExecutor(named("tenet-review-retry-"));
        metrics.watch(this);
    }

    @Override
    public synchronized void submit(ReviewJob job) {
        if (closed) {
            throw new QueueFullException("the review queue is shutting down");
        }
        Lane lane = lanes.get(job.pullRequestKey());
        if (lane != null && lane.waiting != null) {
            supersede(lane.waiting);
            lane.waiting = job;
            return;
        }
        if (depth >= capacity) {
            throw new QueueFullException("the review queue is full (" + capacity + " jobs); GitHub may redeliver later");
        }
        depth++;
        if (lane == null) {
            lane = new Lane();
            lanes.put(job.pullRequestKey(), lane);
        }
        lane.waiting = job;
        startIfIdle(job.pullRequestKey(), lane);
    }

    @Override
    public synchronized int depth() {
        return depth;
    }

    private void startIfIdle(String key, Lane lane) {
        if (!lane.running && lane.waiting != null) {
            lane.running = true;
            workers.execute(() -> runNext(key));
        }
    }

    private void runNext(String key) {
        ReviewJob job;
        synchronized (this) {
            Lane lane = lanes.get(key);
            job = lane.waiting;
            lane.waiting = null;
        }
        JobOutcome outcome = run(job);
        synchronized (this) {
            Lane lane = lanes.get(key);
            lane.running = false;
            if (outcome == JobOutcome.REQUEUED) {
                lane.retrying++;
            } else {
                depth--;
            }
            startIfIdle(key, lane);
            if (!lane.running && lane.retrying == 0) {
                lanes.remove(key);
            }
        }
    }

    private JobOutcome run(ReviewJob job) {
        JobOutcome outcome;
        try {
            outcome = runner.run(job);
        } catch (RateLimitedException e) {
            Duration wait = Duration.between(clock.instant(), e.retryAt());
            LOG.warn("{} rate-limited by GitHub; retrying in {} s", job.pullRequestKey(), Math.max(0, wait.toSeconds()));
            retries.schedule(() -> retry(job), Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
            outcome = JobOutcome.REQUEUED;
        } catch (Exception e) {
            LOG.error("review of {} at {} failed: {}", job.pullRequestKey(), job.headSha(), e.toString());
            outcome = JobOutcome.FAILED;
        }
        metrics.finished(job, outcome, clock.instant());
        return outcome;
    }

    private synchronized void retry(ReviewJob job) {
        Lane lane = lanes.get(job.pullRequestKey());
        lane.retrying--;
        if (lane.waiting != null) {
            supersede(job);
            depth--;
        } else {
            lane.waiting = job;
            startIfIdle(job.pullRequestKey(), lane);
        }
        if (!lane.running && lane.retrying == 0 && lane.waiting == null) {
            lanes.remove(job.pullRequestKey());
        }
    }

    private void supersede(ReviewJob older) {
        LOG.info("{} at {} superseded by a newer head before it ran", older.pullRequestKey(), older.headSha());
        metrics.finished(older, JobOutcome.SUPERSEDED, clock.instant());
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        retries.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
