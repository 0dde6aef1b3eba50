package com.example.learning.adapter.out.outbox;

import com.example.learning.adapter.out.outbox.OutboxLeases.Lease;
import com.example.learning.config.PipelineProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox shard by shard (all messages of a key share a shard), in id order within a shard, which is
 * commit order for any one key, and in each {@code outbox_batch} row in the order of its messages. A batch is bounded
 * by messages, not rows: the relay first reads the rows' message counts from the index alone, then the messages of just
 * the rows that fit ({@code pipeline.outbox.batch-size} messages, at least one row). Relays on any number of replicas share the shards through leases ({@link OutboxLeases}) and
 * never hold a database lock while talking to Kafka: a short transaction per shard claims it and reads a batch, the
 * batches of every shard claimed are sent together and flushed once, outside any transaction, and a second short
 * transaction per shard deletes its batch's rows, only if every message of them was acknowledged and the lease's
 * fencing token is unchanged. A relay that dies holds its shards until its lease expires
 * ({@code pipeline.outbox.lease}); the next one re-sends the messages of the rows it had not deleted, with the same event ids:
 * delivery is at least once, and downstream consumers deduplicate on the {@code eventId} header (also in the payload).
 * Each send of a sampled trace is a span continuing the trace stored with its message ({@link OutboxTraces#sending});
 * the relay's template has no observation of its own, so that span is the only one. While a row's messages are sent,
 * the logging context carries its {@code outboxId} and {@code topic}.
 */
@Component
public class OutboxRelay {
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

    /** Sends through a template of its own on the service's producer: without an observation, one span per message. */
    @Autowired
    public OutboxRelay(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, ProducerFactory<String, String> producers,
            PipelineProperties properties, OutboxTraces traces) {
        this(jdbc, transaction, new KafkaTemplate<>(producers), properties, traces);
    }

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

    /** Publishes until no shard this relay can claim has messages left; returns how many messages were published. */
    public int drain() {
        int total = 0;
        int published;
        do {
            published = publishBatch();
            total += published;
        } while (published > 0);
        return total;
    }

    /**
     * Publishes at most one batch from every waiting shard this relay can claim; returns how many messages it published.
     * All the batches go out before the relay waits for any acknowledgement, so the producer fills its batches across
     * shards and one flush covers them; a shard's rows are deleted only if all its messages were acknowledged.
     */
    public int publishBatch() {
        List<Integer> shards = new ArrayList<>(transaction.execute(status -> leases.waitingShards()));
        Collections.shuffle(shards); // replicas start on different shards instead of queueing for the same lease
        List<Claim> claims = new ArrayList<>();
        for (int shard : shards) {
            Claim claim = transaction.execute(status -> leases.claim(shard).map(lease -> new Claim(lease, rows(shard))).orElse(null));
            if (claim != null) {
                claims.add(claim);
            }
        }
        List<Sending> sending = new ArrayList<>();
        try {
            for (Claim claim : claims) {
                sending.add(new Sending(claim, sendAll(claim.rows())));
            }
            awaitAll(sending);
        } catch (RuntimeException e) {
            claims.forEach(claim -> releaseAfterFailure(claim.lease(), e));
            throw e;
        }
        return finish(sending);
    }

    /** Deletes the rows of every shard whose messages were all acknowledged and releases the others; fails after all if any failed. */
    private int finish(List<Sending> sending) {
        int published = 0;
        RuntimeException failure = null;
        for (Sending shard : sending) {
            Throwable notAcknowledged = shard.failure();
            if (notAcknowledged == null) {
                Boolean deleted = transaction.execute(status -> deleteIfStillLeased(shard.claim()));
                published += Boolean.TRUE.equals(deleted) ? shard.claim().messages() : 0;
                continue;
            }
            OutboxRelayException e = new OutboxRelayException("the broker did not acknowledge every send of shard "
                    + shard.claim().lease().shard() + "; its rows stay and are sent again", notAcknowledged);
            releaseAfterFailure(shard.claim().lease(), e);
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return published;
    }

    /** A relay that failed but lives hands its shard on at once instead of after the lease. */
    private void releaseAfterFailure(Lease lease, RuntimeException failure) {
        try {
            transaction.executeWithoutResult(status -> leases.release(lease));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The shard's first rows in id order holding up to {@code batchSize} messages (at least one row): their ids and counts
     * come from the index, and only the messages of the rows taken are read. Every row holds a message at least, so
     * {@code batchSize} rows always cover the batch.
     */
    private List<Row> rows(int shard) {
        List<Counted> waiting = jdbc.query("SELECT id, message_count FROM outbox_batch WHERE shard = :shard ORDER BY id LIMIT :limit",
                Map.of("shard", shard, "limit", batchSize), (rs, n) -> new Counted(rs.getLong(1), rs.getInt(2)));
        List<Long> ids = new ArrayList<>();
        int messages = 0;
        for (Counted row : waiting) {
            // The batch ends at the first row that does not fit: a smaller later row taken instead would overtake it.
            if (!ids.isEmpty() && messages + row.messages() > batchSize) {
                break;
            }
            ids.add(row.id());
            messages += row.messages();
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT id, topic, messages FROM outbox_batch WHERE id IN (:ids) ORDER BY id", Map.of("ids", ids),
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), OutboxMessage.listOf(rs.getString(3))));
    }

    /** Releasing first locks the lease row: no other relay can claim the shard until the delete commits. */
    private boolean deleteIfStillLeased(Claim claim) {
        if (!leases.release(claim.lease())) {
            LOG.warn("Lease on outbox shard {} was taken over while its batch was sent; its new owner sends the {} messages again",
                    claim.lease().shard(), claim.messages());
            return false;
        }
        if (!claim.rows().isEmpty()) {
            jdbc.update("DELETE FROM outbox_batch WHERE id IN (:ids)", Map.of("ids", claim.rows().stream().map(Row::id).toList()));
        }
        return true;
    }

    /** Every message of the rows, rows in id order and each row's messages in order. */
    private List<CompletableFuture<SendResult<String, String>>> sendAll(List<Row> rows) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
        for (Row row : rows) {
            try (MDC.MDCCloseable outboxId = MDC.putCloseable("outboxId", String.valueOf(row.id()));
                    MDC.MDCCloseable topic = MDC.putCloseable("topic", row.topic())) {
                for (OutboxMessage message : row.messages()) {
                    LOG.debug("Publishing event {} with key {}", message.eventId(), message.key());
                    sends.add(send(row.topic(), message));
                }
            }
        }
        return sends;
    }

    private CompletableFuture<SendResult<String, String>> send(String topic, OutboxMessage message) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, message.key(), message.payload());
        record.headers().add(OutboxHeaders.EVENT_ID_HEADER, message.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add(OutboxHeaders.EVENT_VERSION_HEADER, OutboxHeaders.EVENT_VERSION);
        try (OutboxTraces.Continuation span = traces.sending(message.traceparent(), record)) {
            return kafka.send(record);
        }
    }

    /**
     * Waits until every send has completed, one way or the other, renewing the leases meanwhile so a slow broker does
     * not hand the shards to another relay; a lease taken over meanwhile makes its shard's delete fail its fencing check.
     */
    private void awaitAll(List<Sending> sending) {
        // The batches go out now, not after linger.ms. flush() blocks until every send completes: on another thread,
        // so that this one keeps renewing the leases while a slow broker makes it wait.
        flusher.execute(kafka::flush);
        CompletableFuture<Void> all = CompletableFuture.allOf(sending.stream().flatMap(shard -> shard.sends().stream()).toArray(CompletableFuture[]::new));
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        while (true) {
            try {
                all.get(Math.min(renewEvery.toNanos(), Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboxRelayException("interrupted while waiting for the broker; the rows stay and are sent again", e);
            } catch (ExecutionException e) {
                return; // every send has completed; finish() tells the shards whose sends all succeeded from the others
            } catch (TimeoutException e) {
                if (System.nanoTime() >= deadline) {
                    throw new OutboxRelayException("no acknowledgement within " + ackTimeout + "; the rows stay and are sent again", e);
                }
                transaction.executeWithoutResult(status -> sending.forEach(shard -> leases.renew(shard.claim().lease())));
            }
        }
    }

    private static long deliveryTimeoutMs(KafkaOperations<String, String> kafka) {
        Object configured = kafka.getProducerFactory().getConfigurationProperties().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        return configured == null ? DEFAULT_DELIVERY_TIMEOUT_MS : Long.parseLong(configured.toString());
    }

    private record Counted(long id, int messages) {
    }

    private record Row(long id, String topic, List<OutboxMessage> messages) {
    }

    private record Claim(Lease lease, List<Row> rows) {
        int messages() {
            return rows.stream().mapToInt(row -> row.messages().size()).sum();
        }
    }

    /** A claimed shard's sends, in flight or completed. */
    private record Sending(Claim claim, List<CompletableFuture<SendResult<String, String>>> sends) {
        /** Why a send of the shard failed, or null if all were acknowledged (call once all have completed). */
        @Nullable Throwable failure() {
            return sends.stream().map(send -> send.handle((result, error) -> error).getNow(null)).filter(Objects::nonNull).findFirst().orElse(null);
        }
    }
}
