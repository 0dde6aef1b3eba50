package com.example.learning;

import com.example.learning.adapter.out.outbox.OutboxRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole service against an embedded KRaft broker and a real
 * MariaDB/MySQL database, its DataSource behind the drills' {@link DatabaseFaults} switch. The relay's
 * and the retention purge's schedules are off so tests drive them; they share one context. Skipped, with the reason printed once, when the
 * database cannot be reached ({@link ServersAvailable}).
 */
@ExtendWith(ServersAvailable.class)
@SpringBootTest(properties = {
        "pipeline.outbox.relay-enabled=false",
        // The retention purge runs only when a test calls it, in batches smaller than the rows a test ages.
        "pipeline.retention.purge-enabled=false",
        "pipeline.retention.batch-size=3",
        "pipeline.retry.attempts=2",
        "pipeline.retry.initial-interval=50ms",
        "pipeline.retry.max-interval=200ms",
        "spring.kafka.consumer.properties.metadata.max.age.ms=1000",
        // Actuator on the application's own (mock) port here, so MockMvc reaches it; deployed, it has a port of its own.
        "management.server.port=8080"})
@EmbeddedKafka(partitions = 6, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(DatabaseFaults.class)
public abstract class IntegrationTest {
    protected static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected OutboxRelay relay;
    @Autowired
    protected org.springframework.core.env.Environment environment;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    /** A key no other test uses. */
    protected static String newKey() {
        return "user-" + UUID.randomUUID();
    }

    protected static String newEventId() {
        return UUID.randomUUID().toString();
    }

    protected void send(String topic, String key, String value) {
        kafka.send(topic, key, value).join();
    }

    protected long total(String key) {
        List<Long> totals = jdbc.queryForList("SELECT training_minutes FROM training_progress WHERE user_id = ?", Long.class, key);
        return totals.isEmpty() ? 0 : totals.get(0);
    }

    /** Polls until the condition holds or the deadline passes. */
    protected static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEADLINE + " waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    /** Reads a topic from the beginning until {@code count} records match or the deadline passes. */
    protected List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> matching, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = testConsumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** Every record of a topic that matches, from its beginning to its end now. */
    protected List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> matching) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = testConsumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out after " + DEADLINE + " reading " + topic + " to its end");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private KafkaConsumer<String, String> testConsumer() {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
