package dev.tenet.service.queue.kafka;

import dev.tenet.rules.TenetInputException;
import dev.tenet.service.queue.JobRunner;
import dev.tenet.service.queue.QueueFullException;
import dev.tenet.service.queue.ReviewJob;
import dev.tenet.service.queue.ReviewMetrics;
import dev.tenet.service.queue.ReviewQueue;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Review jobs on a Kafka topic keyed by pull request ({@code owner/repo#number}), consumed by every replica of the service in
 * one consumer group. A pull request's jobs share a partition, so they run one at a time and in order; partitions run in
 * parallel on the group's workers ({@code concurrency} per replica). A job's offset is committed once the job finished, so a
 * replica that stops mid-job leaves it to another (at least once; publishing is idempotent).
 *
 * <ul>
 * <li><b>Superseding</b>: of the jobs one poll fetched for a partition, only the newest of each pull request runs; the older
 * ones count as SUPERSEDED.</li>
 * <li><b>Rate limits</b>: a {@code RateLimitedException} pauses the job's partition alone until {@code retryAt()}, positioned
 * at the job, and counts REQUEUED; the worker's other partitions go on. Re-publishing the job to the end of the topic instead
 * would put it after newer jobs of its pull request, so an older head could run last and win; and GitHub's limit belongs to the
 * installation, so the jobs behind it in its partition would mostly hit it too. The job stays uncommitted: if this replica
 * stops while waiting, another one takes it.</li>
 * <li><b>Failures</b>: any other exception retries the job later the same way, up to {@code max-attempts} runs (counted on
 * the replica running it), then it is logged, counted FAILED and committed.</li>
 * <li><b>Depth</b>: the consumer group's lag on the topic, i.e. jobs any replica accepted that no replica finished yet
 * (including running and to-be-superseded ones). Every replica reports the same number: aggregate with max, not sum.</li>
 * </ul>
 *
 * <p>Written on plain kafka-clients rather than Spring Kafka: every decision here is about one partition inside the poll loop
 * (pause it until an instant, rewind it to a job, supersede within a fetch, commit per job, leave a job uncommitted on stop),
 * which a listener container would spread over an error handler, a back-off handler and seek callbacks, and whose batch
 * back-off pauses all of a consumer's partitions.
 */
public final class KafkaReviewQueue implements ReviewQueue {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaReviewQueue.class);
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(15);
    /** GitHub waits 10 s for the webhook's answer: a job not on the topic by then is refused so that GitHub can redeliver it. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(8);

    private final KafkaQueueProperties settings;
    private final Admin admin;
    private final Producer<String, byte[]> producer;
    private final GroupLag lag;
    private final List<QueueWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaReviewQueue(KafkaQueueProperties settings, Admin admin, Producer<String, byte[]> producer) {
        this.settings = settings;
        this.admin = admin;
        this.producer = producer;
        this.lag = new GroupLag(admin, settings.topic(), settings.groupId());
    }

    /**
     * Creates the topic if missing and starts {@code concurrency} workers in the group.
     *
     * @throws TenetInputException   when a setting is missing, out of range or not a broker address
     * @throws IllegalStateException when Kafka cannot be reached or the topic cannot be created
     */
    public static KafkaReviewQueue start(KafkaQueueProperties settings, JobRunner runner, MeterRegistry registry) {
        return start(settings, runner, registry, Clock.systemUTC());
    }

    /** @param clock when retries are due (tests move it forward) */
    static KafkaReviewQueue start(KafkaQueueProperties settings, JobRunner runner, MeterRegistry registry, Clock clock) {
        settings.validated();
        Admin admin;
        try {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG, "tenet-review-queue-admin"));
        } catch (KafkaException e) {
            throw new TenetInputException("tenet.queue.kafka.bootstrap-servers '" + settings.bootstrapServers() + "': "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        KafkaReviewQueue queue;
        try {
            TopicSetup.ensure(admin, settings.bootstrapServers(), settings.topic(), settings.partitions());
            queue = new KafkaReviewQueue(settings, admin, new KafkaProducer<>(producerConfig(settings)));
        } catch (RuntimeException e) {
            admin.close(Duration.ZERO);
            throw e;
        }
        ReviewMetrics metrics = new ReviewMetrics(registry);
        metrics.watch(queue);
        Duration pollBudget = MAX_POLL_INTERVAL.dividedBy(3);
        try {
            for (int i = 0; i < settings.concurrency(); i++) {
                QueueWorker worker = new QueueWorker(new KafkaConsumer<>(consumerConfig(settings)), settings.topic(), runner, metrics,
                        settings.maxAttempts(), settings.retryBackoff(), pollBudget, clock);
                Thread thread = new Thread(worker, "tenet-review-queue-" + i);
                queue.workers.add(worker);
                queue.threads.add(thread);
                thread.start();
            }
        } catch (RuntimeException e) {
            queue.close();
            throw e;
        }
        LOG.info("review jobs go to Kafka topic {} at {}; {} worker(s) in group {}", settings.topic(), settings.bootstrapServers(),
                settings.concurrency(), settings.groupId());
        return queue;
    }

    private static Map<String, Object> producerConfig(KafkaQueueProperties settings) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "tenet-review-queue",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    private static Map<String, Object> consumerConfig(KafkaQueueProperties settings) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                // A review may take minutes; workers poll again after a third of this (see QueueWorker's poll budget).
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) MAX_POLL_INTERVAL.toMillis(),
                // Members learn of a rebalance at their next heartbeat: a stopped replica's jobs move on within a second or so.
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    /**
     * Puts the job on the topic and waits until the brokers acknowledged it (all in-sync replicas).
     *
     * @throws QueueFullException when Kafka did not take the job in time: the webhook answers 503 and GitHub redelivers
     */
    @Override
    public void submit(ReviewJob job) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), job.pullRequestKey(), JobJson.write(job));
        try {
            producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw refused(job, e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw refused(job, "no answer within " + SEND_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(job, "interrupted");
        } catch (KafkaException e) {
            throw refused(job, e.getMessage());
        }
    }

    private QueueFullException refused(ReviewJob job, String reason) {
        return new QueueFullException("Kafka at " + settings.bootstrapServers() + " did not take the review job for "
                + job.pullRequestKey() + ": " + reason);
    }

    /** The group's lag on the topic (see the class comment); the last value known when Kafka does not answer within 2 s. */
    @Override
    public int depth() {
        return lag.jobs();
    }

    /**
     * Stops the workers: each finishes its running job within {@code shutdown-grace} (then it is interrupted and the job is left
     * uncommitted for another replica) and leaves the group.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        workers.forEach(QueueWorker::stop);
        long graceEnd = System.nanoTime() + settings.shutdownGrace().toNanos();
        for (Thread thread : threads) {
            joinUntil(thread, graceEnd);
        }
        threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (Thread thread : threads) {
            joinUntil(thread, end);
            if (thread.isAlive()) {
                LOG.warn("{} did not stop: its job ignores interrupts; the group reassigns its partitions after max.poll.interval.ms",
                        thread.getName());
            }
        }
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    private static void joinUntil(Thread thread, long deadlineNanos) {
        try {
            thread.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
