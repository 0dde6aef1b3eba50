package com.example.learning.adapter.out.outbox;

import com.example.learning.config.PipelineProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows in id order, which is commit order for any one key, and deletes them once
 * the broker acknowledged every send of the batch. One relay at a time holds the relay lock row, so
 * per-key order holds across replicas. Killed between the sends and the delete, the rows stay and
 * are sent again with the same event ids: delivery is at least once, and downstream consumers
 * deduplicate on the {@code eventId} header (also in the payload).
 */
@Component
public class OutboxRelay {
    /** The record header that carries the event id. */
    public static final String EVENT_ID_HEADER = "eventId";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KafkaOperations<String, String> kafka;
    private final PipelineProperties.Outbox settings;

    public OutboxRelay(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, KafkaOperations<String, String> kafka,
            PipelineProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.settings = properties.outbox();
    }

    /** Publishes batches until the outbox is empty or another relay holds the lock; returns how many rows were published. */
    public int drain() {
        int total = 0;
        int published;
        do {
            published = publishBatch();
            total += published;
        } while (published == settings.batchSize());
        return total;
    }

    /** Publishes one batch and deletes its rows; returns how many rows it published. */
    public int publishBatch() {
        Integer published = transaction.execute(status -> {
            List<String> lock = jdbc.getJdbcOperations().queryForList(
                    "SELECT name FROM outbox_lock WHERE name = 'relay' FOR UPDATE SKIP LOCKED", String.class);
            if (lock.isEmpty()) {
                return 0;
            }
            List<Row> rows = jdbc.query("SELECT id, event_id, topic, message_key, payload FROM outbox_message ORDER BY id LIMIT :limit",
                    Map.of("limit", settings.batchSize()),
                    (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, String>>> sends = rows.stream().map(this::send).toList();
            kafka.flush(); // the batch goes out now, not after linger.ms: the relay waits for every ack anyway
            awaitAll(sends);
            jdbc.update("DELETE FROM outbox_message WHERE id IN (:ids)", Map.of("ids", rows.stream().map(Row::id).toList()));
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    private CompletableFuture<SendResult<String, String>> send(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(EVENT_ID_HEADER, row.eventId().getBytes(StandardCharsets.UTF_8));
        return kafka.send(record);
    }

    private void awaitAll(List<CompletableFuture<SendResult<String, String>>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxRelayException("interrupted while waiting for the broker; the rows stay and are sent again", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new OutboxRelayException("the broker did not acknowledge every send; the rows stay and are sent again", e);
        }
    }

    private record Row(long id, String eventId, String topic, String key, String payload) {
    }
}
