package com.example.learning.adapter.in.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends dead-lettered records of a topic back to it: all of them, or those of one key, or those
 * dead-lettered within a time range. Each replayed record keeps its key and value (so its partition
 * and event id), loses the error handler's {@code kafka_dlt-*} headers and carries who replayed it
 * when, and from which dead-letter offset; each replay is logged. Replaying a record twice counts it
 * once: the consumer skips event ids it has already applied.
 */
@Component
public class DeadLetterReplay {
    public static final String REPLAYED_AT_HEADER = "dlt-replayed-at";
    public static final String REPLAYED_BY_HEADER = "dlt-replayed-by";
    public static final String REPLAYED_FROM_HEADER = "dlt-replayed-from";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private final ConsumerFactory<String, String> consumers;
    private final KafkaTemplate<String, String> kafka;

    /**
     * Which dead letters to replay.
     *
     * @param topic the consumed topic; its dead letters are read from {@code <topic>.DLT}
     * @param key   only records with this key, or all keys when null
     * @param from  only records dead-lettered at or after this instant, when not null
     * @param to    only records dead-lettered before this instant, when not null
     */
    public record Selection(String topic, @Nullable String key, @Nullable Instant from, @Nullable Instant to) {
        boolean matches(ConsumerRecord<String, String> deadLetter) {
            Instant deadLettered = Instant.ofEpochMilli(deadLetter.timestamp());
            return (key == null || key.equals(deadLetter.key()))
                    && (from == null || !deadLettered.isBefore(from))
                    && (to == null || deadLettered.isBefore(to));
        }
    }

    public DeadLetterReplay(ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> kafka) {
        this.consumers = consumers;
        this.kafka = kafka;
    }

    /** Replays the selected dead letters on behalf of {@code operator}; returns how many were sent back, all acknowledged. */
    public int replay(Selection selection, String operator) {
        List<ConsumerRecord<String, String>> deadLetters = read(selection);
        Instant now = Instant.now();
        List<CompletableFuture<?>> sends = new ArrayList<>(deadLetters.size());
        for (ConsumerRecord<String, String> deadLetter : deadLetters) {
            sends.add(kafka.send(new ProducerRecord<>(selection.topic(), null, deadLetter.key(), deadLetter.value(),
                    replayHeaders(deadLetter, operator, now))));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.error("DLT replay by {} of {}.DLT (key {}, from {}, to {}) failed after sending some of {} records; replaying again is safe",
                    operator, selection.topic(), selection.key(), selection.from(), selection.to(), deadLetters.size(), e);
            throw new IllegalStateException("replay of " + selection.topic() + ".DLT failed: " + e.getMessage(), e);
        }
        log.info("DLT replay by {}: {} record(s) from {}.DLT back to {} (key {}, from {}, to {})",
                operator, deadLetters.size(), selection.topic(), selection.topic(), selection.key(), selection.from(), selection.to());
        return deadLetters.size();
    }

    private List<ConsumerRecord<String, String>> read(Selection selection) {
        String deadLetterTopic = selection.topic() + ".DLT";
        List<ConsumerRecord<String, String>> selected = new ArrayList<>();
        // Assigned, never subscribed and never committing: the replay leaves no consumer group state behind.
        try (Consumer<String, String> consumer = consumers.createConsumer(null, "dlt-replay")) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + deadLetterTopic + " to its end within " + READ_TIMEOUT + "; nothing was replayed");
                }
                for (ConsumerRecord<String, String> deadLetter : consumer.poll(Duration.ofMillis(500))) {
                    if (deadLetter.offset() < end.get(new TopicPartition(deadLetter.topic(), deadLetter.partition())) && selection.matches(deadLetter)) {
                        selected.add(deadLetter);
                    }
                }
            }
        }
        return selected;
    }

    private static RecordHeaders replayHeaders(ConsumerRecord<String, String> deadLetter, String operator, Instant now) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_AT_HEADER, now.toString().getBytes(StandardCharsets.UTF_8));
        headers.add(REPLAYED_BY_HEADER, operator.getBytes(StandardCharsets.UTF_8));
        headers.add(REPLAYED_FROM_HEADER, (deadLetter.topic() + "-" + deadLetter.partition() + "@" + deadLetter.offset()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
