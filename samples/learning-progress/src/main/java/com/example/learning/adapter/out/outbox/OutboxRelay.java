package com.example.learning.adapter.out.outbox;

import com.example.learning.adapter.out.outbox.OutboxLeases.Lease;
import com.example.learning.config.PipelineProperties;
import com.example.learning.domain.ProgressUpdated;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows shard by shard (all rows of a key share a shard), in id order within a shard, which is commit
 * order for any one key. Relays on any number of replicas share the shards through leases ({@link OutboxLeases}) and
 * never hold a database lock while talking to Kafka: a short transaction claims a shard and reads a batch, the sends
 * run outside any transaction, and a second short transaction deletes the batch, only if every send was acknowledged
 * and the lease's fencing token is unchanged. A relay that dies holds its shards until its lease expires
 * ({@code pipeline.outbox.lease}); the next one re-sends the rows it had not deleted, with the same event ids:
 * delivery is at least once, and downstream consumers deduplicate on the {@code eventId} header (also in the payload).
 * Each send continues the trace stored with its row ({@link OutboxTraces}); while it is made, the logging context
 * carries the row's {@code outboxId}, {@code topic} and {@code key}.
 */
@Component
public class OutboxRelay {
    /** The record header that carries the event id. */
    public static final String EVENT_ID_HEADER = "eventId";
    /** The record header that carries the version of the event's committed schema. */
    public static final String EVENT_VERSION_HEADER = "event-version";
    static final byte[] EVENT_VERSION = String.valueOf(ProgressUpdated.SCHEMA_VERSION).getBytes(StandardCharsets.US_ASCII);
    /** Kafka's default {@code delivery.timeout.ms}, used when the producer does not set it. */
    private static final long DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaOperations<String, String> kafka;
    private final OutboxLeases leases;
    private final OutboxTraces traces;
    private final String owner;
    private final int batchSize;
    private final Duration renewEvery;
    private final Duration ackTimeout;
    private final SimpleAsyncTaskExecutor flusher = new SimpleAsyncTaskExecutor("outbox-flush-");

    public OutboxRelay(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, KafkaOperations<String, String> kafka,
            PipelineProperties properties, OutboxTraces traces) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        PipelineProperties.Outbox settings = properties.outbox();
        this.traces = traces;
        this.owner = System.getenv().getOrDefault("HOSTNAME", "relay") + "/" + UUID.randomUUID();
        this.leases = new OutboxLeases(jdbc, owner, settings.lease());
        this.batchSize = settings.batchSize();
        this.renewEvery = settings.lease().dividedBy(3);
        // Wait for the producer's own verdict on every send: it retries until delivery.timeout.ms, so a relay that
        // gave up sooner would re-send rows the producer may still deliver, and report a failure that was not one.
        this.ackTimeout = Duration.ofMillis(deliveryTimeoutMs(kafka)).plusSeconds(5);
        this.flusher.setDaemon(true);
    }

    /** Who this relay is in the leases it holds: the host name and a random id. */
    public String owner() {
        return owner;
    }

    /** Publishes until no shard this relay can claim has rows left; returns how many rows were published. */
    public int drain() {
        int total = 0;
        int published;
        do {
            published = publishBatch();
            total += published;
        } while (published > 0);
        return total;
    }

    /** Publishes at most one batch from every waiting shard this relay can claim; returns how many rows it published. */
    public int publishBatch() {
        List<Integer> shards = new ArrayList<>(transaction.execute(status -> leases.waitingShards()));
        Collections.shuffle(shards); // replicas start on different shards instead of queueing for the same lease
        int published = 0;
        for (int shard : shards) {
            published += publishShard(shard);
        }
        return published;
    }

    private int publishShard(int shard) {
        Claim claim = transaction.execute(status -> leases.claim(shard).map(lease -> new Claim(lease, rows(shard))).orElse(null));
        if (claim == null) {
            return 0;
        }
        if (!claim.rows().isEmpty()) {
            try {
                awaitAll(claim.lease(), claim.rows().stream().map(this::send).toList());
            } catch (RuntimeException e) {
                releaseAfterFailure(claim.lease(), e);
                throw e;
            }
        }
        Boolean deleted = transaction.execute(status -> deleteIfStillLeased(claim));
        return Boolean.TRUE.equals(deleted) ? claim.rows().size() : 0;
    }

    /** A relay that failed but lives hands its shard on at once instead of after the lease. */
    private void releaseAfterFailure(Lease lease, RuntimeException failure) {
        try {
            transaction.executeWithoutResult(status -> leases.release(lease));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private List<Row> rows(int shard) {
        return jdbc.query("SELECT id, event_id, topic, message_key, payload, traceparent FROM outbox_message WHERE shard = :shard ORDER BY id LIMIT :limit",
                Map.of("shard", shard, "limit", batchSize),
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
    }

    /** Releasing first locks the lease row: no other relay can claim the shard until the delete commits. */
    private boolean deleteIfStillLeased(Claim claim) {
        if (!leases.release(claim.lease())) {
            LOG.warn("Lease on outbox shard {} was taken over while its batch was sent; its new owner sends the {} rows again",
                    claim.lease().shard(), claim.rows().size());
            return false;
        }
        if (!claim.rows().isEmpty()) {
            jdbc.update("DELETE FROM outbox_message WHERE id IN (:ids)", Map.of("ids", claim.rows().stream().map(Row::id).toList()));
        }
        return true;
    }

    private CompletableFuture<SendResult<String, String>> send(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(EVENT_ID_HEADER, row.eventId().getBytes(StandardCharsets.UTF_8));
        try (OutboxTraces.Continuation trace = traces.continueTrace(row.traceparent(), row.topic());
                MDC.MDCCloseable outboxId = MDC.putCloseable("outboxId", String.valueOf(row.id()));
                MDC.MDCCloseable topic = MDC.putCloseable("topic", row.topic());
                MDC.MDCCloseable key = MDC.putCloseable("key", row.key())) {
            LOG.debug("Publishing outbox row {} (event {})", row.id(), row.eventId());
            record.headers().add(EVENT_VERSION_HEADER, EVENT_VERSION);
            return kafka.send(record);
        }
    }

    /** Waits for every acknowledgement, renewing the lease meanwhile so a slow broker does not hand the shard to another relay. */
    private void awaitAll(Lease lease, List<CompletableFuture<SendResult<String, String>>> sends) {
        // The batch goes out now, not after linger.ms. flush() blocks until every send completes: on another thread,
        // so that this one keeps renewing the lease while a slow broker makes it wait.
        flusher.execute(kafka::flush);
        CompletableFuture<Void> all = CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        while (true) {
            try {
                all.get(Math.min(renewEvery.toNanos(), Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboxRelayException("interrupted while waiting for the broker; the rows stay and are sent again", e);
            } catch (ExecutionException e) {
                throw new OutboxRelayException("the broker did not acknowledge every send; the rows stay and are sent again", e);
            } catch (TimeoutException e) {
                if (System.nanoTime() >= deadline) {
                    throw new OutboxRelayException("no acknowledgement within " + ackTimeout + "; the rows stay and are sent again", e);
                }
                if (!Boolean.TRUE.equals(transaction.execute(status -> leases.renew(lease)))) {
                    throw new OutboxRelayException("the lease on shard " + lease.shard() + " was taken over; its new owner sends the rows", e);
                }
            }
        }
    }

    private static long deliveryTimeoutMs(KafkaOperations<String, String> kafka) {
        Object configured = kafka.getProducerFactory().getConfigurationProperties().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        return configured == null ? DEFAULT_DELIVERY_TIMEOUT_MS : Long.parseLong(configured.toString());
    }

    private record Row(long id, String eventId, String topic, String key, String payload, @Nullable String traceparent) {
    }

    private record Claim(Lease lease, List<Row> rows) {
    }
}
