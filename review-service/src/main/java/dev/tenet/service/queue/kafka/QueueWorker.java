package dev.tenet.service.queue.kafka;

import dev.tenet.review.github.HeadMovedException;
import dev.tenet.review.github.RateLimitedException;
import dev.tenet.service.queue.JobOutcome;
import dev.tenet.service.queue.JobRunner;
import dev.tenet.service.queue.ReviewJob;
import dev.tenet.service.queue.ReviewMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of the group, on its own thread: polls, runs each partition's jobs in order through the {@link JobRunner}, and
 * commits a job's offset only once it finished. A job to retry later (rate limit, passing failure) pauses its partition alone
 * until then, positioned at the job; the worker's other partitions go on.
 */
final class QueueWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);
    private static final Duration MAX_POLL_WAIT = Duration.ofMillis(500);

    /** What the worker does after a record. */
    private enum Next { NEXT_RECORD, NEXT_PARTITION, POLL_FROM_THIS, POLL_FROM_NEXT }

    private final Consumer<String, byte[]> consumer;
    private final String topic;
    private final JobRunner runner;
    private final ReviewMetrics metrics;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final Duration pollBudget;
    private final Clock clock;
    private final Map<TopicPartition, Instant> pausedUntil = new HashMap<>();
    private final Map<TopicPartition, Map<Long, Integer>> failures = new HashMap<>();
    private volatile boolean stopping;

    /**
     * @param pollBudget how long one poll's jobs may run before the worker polls again (well under {@code max.poll.interval.ms})
     */
    QueueWorker(Consumer<String, byte[]> consumer, String topic, JobRunner runner, ReviewMetrics metrics, int maxAttempts,
                Duration retryBackoff, Duration pollBudget, Clock clock) {
        this.consumer = consumer;
        this.topic = topic;
        this.runner = runner;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        this.retryBackoff = retryBackoff;
        this.pollBudget = pollBudget;
        this.clock = clock;
    }

    /** Asks the worker to stop after the job it is running; its uncommitted jobs go to other consumers of the group. */
    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (!stopping) {
                resumeDue();
                process(consumer.poll(pollWait()));
            }
        } catch (InterruptException e) {
            if (!stopping) {
                LOG.error("review queue worker interrupted; its partitions go to the other workers of the group");
            }
        } catch (RuntimeException e) {
            LOG.error("review queue worker stopped: {}; its partitions go to the other workers of the group", e.toString(), e);
        } finally {
            // Cleared so that leaving the group can still talk to the broker after an interrupted job.
            Thread.interrupted();
            consumer.close(Duration.ofSeconds(10));
        }
    }

    private void process(ConsumerRecords<String, byte[]> batch) {
        Instant pollAgainAt = clock.instant().plus(pollBudget);
        Deque<TopicPartition> partitions = new ArrayDeque<>(batch.partitions());
        while (!partitions.isEmpty()) {
            TopicPartition partition = partitions.poll();
            List<ConsumerRecord<String, byte[]>> records = batch.records(partition);
            Set<Long> superseded = Supersession.supersededIn(records);
            for (ConsumerRecord<String, byte[]> record : records) {
                if (stopping) {
                    return;
                }
                if (superseded.contains(record.offset())) {
                    // Committed with the newer job of its pull request, which comes later in this partition.
                    LOG.info("review job {} at offset {} of {} superseded by a newer head of the same pull request", record.key(),
                            record.offset(), partition);
                    metrics.count(JobOutcome.SUPERSEDED);
                    continue;
                }
                Next next = clock.instant().isAfter(pollAgainAt) ? Next.POLL_FROM_THIS : handle(partition, record);
                if (next == Next.POLL_FROM_THIS || next == Next.POLL_FROM_NEXT) {
                    rewind(partition, next == Next.POLL_FROM_THIS ? record.offset() : record.offset() + 1, partitions, batch);
                    return;
                }
                if (next == Next.NEXT_PARTITION) {
                    break;
                }
            }
        }
    }

    /** Positions the partitions at their first record not handled yet, so the next poll returns them again. */
    private void rewind(TopicPartition current, long offset, Collection<TopicPartition> untouched,
                        ConsumerRecords<String, byte[]> batch) {
        consumer.seek(current, offset);
        untouched.forEach(p -> consumer.seek(p, batch.records(p).get(0).offset()));
    }

    private Next handle(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        ReviewJob job;
        try {
            job = JobJson.read(record.value());
        } catch (IOException e) {
            LOG.error("dropping record at offset {} of {} (key {}): not a review job: {}", record.offset(), partition, record.key(),
                    e.getMessage());
            return finish(partition, record, JobOutcome.FAILED);
        }
        String what = describe(job);
        JobOutcome outcome;
        try {
            outcome = runner.run(job);
        } catch (RateLimitedException e) {
            LOG.warn("{}: GitHub's rate limit, retrying at {}: {}", what, e.retryAt(), e.getMessage());
            Next next = retryAt(partition, record, e.retryAt());
            metrics.count(JobOutcome.REQUEUED);
            return next;
        } catch (HeadMovedException e) {
            LOG.info("{}: the head moved during the review, not published: {}", what, e.getMessage());
            outcome = JobOutcome.SUPERSEDED;
        } catch (Exception e) {
            if (stopping) {
                LOG.info("{}: abandoned while stopping ({}); another replica of the group runs it again", what, e.toString());
                return Next.POLL_FROM_THIS;
            }
            return failed(partition, record, what, e);
        }
        Map<Long, Integer> attempts = failures.get(partition);
        if (attempts != null) {
            attempts.remove(record.offset());
        }
        if (outcome == null) {
            LOG.error("{}: the runner returned no outcome; counted as failed", what);
            outcome = JobOutcome.FAILED;
        }
        LOG.info("{}: {}", what, outcome);
        metrics.latency(job, outcome, clock.instant());
        return finish(partition, record, outcome);
    }

    private Next failed(TopicPartition partition, ConsumerRecord<String, byte[]> record, String job, Exception e) {
        Map<Long, Integer> attempts = failures.computeIfAbsent(partition, p -> new HashMap<>());
        int attempt = attempts.merge(record.offset(), 1, Integer::sum);
        if (attempt >= maxAttempts) {
            attempts.remove(record.offset());
            LOG.error("{}: failed {} time(s), dropped: {}", job, attempt, e.toString(), e);
            return finish(partition, record, JobOutcome.FAILED);
        }
        Instant retryAt = clock.instant().plus(retryBackoff.multipliedBy(attempt));
        LOG.warn("{}: attempt {} of {} failed, retrying at {}: {}", job, attempt, maxAttempts, retryAt, e.toString());
        return retryAt(partition, record, retryAt);
    }

    private Next retryAt(TopicPartition partition, ConsumerRecord<String, byte[]> record, Instant at) {
        consumer.seek(partition, record.offset());
        consumer.pause(List.of(partition));
        pausedUntil.put(partition, at != null ? at : clock.instant());
        return Next.NEXT_PARTITION;
    }

    private Next finish(TopicPartition partition, ConsumerRecord<String, byte[]> record, JobOutcome outcome) {
        metrics.count(outcome);
        try {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            return Next.NEXT_RECORD;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            LOG.warn("the job at offset {} of {} finished but the group moved the partition before its offset was committed: "
                    + "it may run again (publishing is idempotent)", record.offset(), partition);
            return Next.POLL_FROM_NEXT;
        }
    }

    private void resumeDue() {
        Instant now = clock.instant();
        Set<TopicPartition> assigned = consumer.assignment();
        pausedUntil.entrySet().removeIf(entry -> {
            if (entry.getValue().isAfter(now)) {
                return false;
            }
            if (assigned.contains(entry.getKey())) {
                consumer.resume(List.of(entry.getKey()));
            }
            return true;
        });
    }

    private Duration pollWait() {
        Instant now = clock.instant();
        return pausedUntil.values().stream().map(at -> Duration.between(now, at)).filter(d -> d.compareTo(MAX_POLL_WAIT) < 0)
                .map(d -> d.isNegative() ? Duration.ZERO : d).min(Duration::compareTo).orElse(MAX_POLL_WAIT);
    }

    private static String describe(ReviewJob job) {
        return "review of " + job.pullRequestKey() + " at " + job.headSha() + " (delivery " + job.deliveryId() + ")";
    }

    /** Keeps a partition waiting for its retry time paused when the group hands it back to this consumer. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(failures::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            List<TopicPartition> waiting = partitions.stream().filter(pausedUntil::containsKey).toList();
            if (!waiting.isEmpty()) {
                consumer.pause(waiting);
            }
        }
    }
}
