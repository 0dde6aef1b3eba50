package com.example.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.learning.adapter.out.outbox.OutboxHeaders;
import com.example.learning.adapter.out.outbox.OutboxRelay;
import com.example.learning.adapter.out.outbox.OutboxTraces;
import com.example.learning.application.RecordLectureWatched;
import com.example.learning.config.PipelineProperties;
import com.example.learning.domain.ProgressUpdated;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/** The failure drills, on learning.lecture-watched: duplicates, poison records, a consumer restart and a relay whose sends fail mid-batch. */
class PipelineDrillsTests extends IntegrationTest {
    private static final String TOPIC = "learning.lecture-watched";

    @Autowired
    OutboxTraces outboxTraces;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    NamedParameterJdbcTemplate namedJdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ProducerFactory<String, String> producerFactory;
    @Autowired
    PipelineProperties properties;

    private static String event(String id, String key, long amount) {
        return LectureWatchedJson.of(id, key, amount);
    }

    @Test
    void aDuplicatedEventIsCountedOnce() {
        String key = newKey();
        String id = newEventId();
        send(TOPIC, key, event(id, key, 30));
        send(TOPIC, key, event(id, key, 30));
        eventually("the first delivery applied", () -> total(key) == 30);
        send(TOPIC, key, event(id, key, 30));
        send(TOPIC, key, event(newEventId(), key, 5));
        eventually("the event after the duplicates applied", () -> total(key) == 35);

        assertThat(total(key)).isEqualTo(35);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lecture_watched WHERE user_id = ?", Long.class, key)).isEqualTo(2);
        assertThat(WaitingOutbox.count(jdbc, "learning.progress-updated", List.of(key))).isEqualTo(2);
    }

    @Test
    void idsAndKeysThatDifferOnlyInLetterCaseAreDifferentOnes() {
        String key = newKey();
        String upperKey = key.toUpperCase(java.util.Locale.ROOT);
        String id = newEventId();
        send(TOPIC, key, event(id, key, 3));
        send(TOPIC, key, event(id.toUpperCase(java.util.Locale.ROOT), key, 4));
        send(TOPIC, upperKey, event(newEventId(), upperKey, 5));
        eventually("all three events applied", () -> total(key) == 7 && total(upperKey) == 5);

        assertThat(total(key)).isEqualTo(7);
        assertThat(total(upperKey)).isEqualTo(5);
    }

    @Test
    void aPoisonEventLandsInTheDeadLetterTopicWithItsCauseAndThePartitionMovesOn() {
        String key = newKey();
        send(TOPIC, key, "{ this is not json");
        send(TOPIC, key, event(newEventId(), key, -1));
        send(TOPIC, key, event(newEventId(), key, 7));
        eventually("the good event after the poison ones applied", () -> total(key) == 7);

        List<ConsumerRecord<String, String>> dead = read(TOPIC + ".DLT", r -> key.equals(r.key()), 2);
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).value()).isEqualTo("{ this is not json");
        assertThat(header(dead.get(0), "kafka_dlt-exception-stacktrace")).contains("InvalidEventException");
        assertThat(header(dead.get(0), "kafka_dlt-exception-message")).contains("is not a valid LectureWatched");
        assertThat(header(dead.get(1), "kafka_dlt-exception-message")).contains("must not be negative");
        assertThat(header(dead.get(1), "kafka_dlt-original-topic")).isEqualTo(TOPIC);
    }

    @Test
    void theConsumerStoppedAndRestartedMidStreamLosesNothingAndDoubleCountsNothing() {
        Random random = new Random(42);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            keys.add(newKey());
        }
        Map<String, Long> expected = new HashMap<>();
        List<String[]> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String key = keys.get(random.nextInt(keys.size()));
            long amount = 1 + random.nextInt(10);
            expected.merge(key, amount, Long::sum);
            events.add(new String[] {newEventId(), key, Long.toString(amount)});
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (String[] e : events.subList(0, 500)) {
            sends.add(kafka.send(TOPIC, e[1], event(e[0], e[1], Long.parseLong(e[2]))));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        eventually("some events applied", () -> applied(keys) > 0);

        listeners.getListenerContainer(RecordLectureWatched.CONSUMER).stop();
        for (String[] e : events.subList(500, 1000)) {
            sends.add(kafka.send(TOPIC, e[1], event(e[0], e[1], Long.parseLong(e[2]))));
        }
        for (String[] e : events.subList(0, 100)) {
            sends.add(kafka.send(TOPIC, e[1], event(e[0], e[1], Long.parseLong(e[2]))));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        listeners.getListenerContainer(RecordLectureWatched.CONSUMER).start();

        eventually("all 1000 events applied", () -> applied(keys) == 1000 && keys.stream().allMatch(k -> total(k) == expected.getOrDefault(k, 0L)));
        for (String key : keys) {
            assertThat(total(key)).as("total of " + key).isEqualTo(expected.getOrDefault(key, 0L));
        }
        assertThat(applied(keys)).isEqualTo(1000);
        assertThat(WaitingOutbox.count(jdbc, "learning.progress-updated", keys)).isEqualTo(1000);
    }

    @Test
    void theOutboxRelayFailingMidBatchPublishesEverythingAtLeastOnceWithStableIds() {
        relay.drain();
        String key = newKey();
        Set<String> expectedIds = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String id = newEventId();
            expectedIds.add(ProgressUpdated.idFor(TOPIC, id));
            send(TOPIC, key, event(id, key, 1));
        }
        eventually("50 messages in the outbox", () -> WaitingOutbox.count(jdbc, "learning.progress-updated", List.of(key)) == 50);

        AtomicInteger sent = new AtomicInteger();
        KafkaTemplate<String, String> dying = new KafkaTemplate<>(producerFactory) {
            @Override
            public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                if (sent.incrementAndGet() > 20) {
                    throw new KafkaException("relay failed after 20 sends");
                }
                return super.send(record);
            }
        };
        OutboxRelay failing = new OutboxRelay(namedJdbc, transaction, dying, properties, outboxTraces);
        assertThatThrownBy(failing::publishBatch).hasMessageContaining("failed after 20 sends");
        assertThat(WaitingOutbox.count(jdbc, "learning.progress-updated", List.of(key))).isEqualTo(50);

        relay.drain();
        assertThat(WaitingOutbox.count(jdbc, "learning.progress-updated", List.of(key))).isZero();
        List<ConsumerRecord<String, String>> published = read("learning.progress-updated", r -> key.equals(r.key()), 70);
        Set<String> ids = new HashSet<>();
        published.forEach(r -> ids.add(header(r, OutboxHeaders.EVENT_ID_HEADER)));
        assertThat(ids).isEqualTo(expectedIds);
        assertThat(published).hasSizeGreaterThanOrEqualTo(50);
    }

    private long applied(List<String> keys) {
        return namedJdbc.queryForObject("SELECT COUNT(*) FROM lecture_watched WHERE user_id IN (:keys)", Map.of("keys", keys), Long.class);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
