package com.example.learning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Throughput of the generated pipeline (input topic -> idempotent batch consumer -> MariaDB -> outbox
 * relay -> output topic) against a bare KafkaConsumer -> JDBC batch insert loop with as many threads,
 * on the same embedded broker and the same database. The input is loaded by kcat when it is installed.
 * Copied into a generated sample by scaffolder/bench/pipeline-throughput.sh; not part of generated services.
 */
@EnabledIfSystemProperty(named = "bench.events", matches = "\\d+")
class ThroughputBench extends IntegrationTest {
    private static final String IN = "learning.lecture-watched";
    private static final String OUT = "learning.progress-updated";

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void bench(DynamicPropertyRegistry registry) {
        registry.add("pipeline.outbox.relay-enabled", () -> "true");
        registry.add("pipeline.outbox.poll-interval", () -> "20ms");
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
    }

    @Test
    void measure() throws Exception {
        int events = Integer.getInteger("bench.events");
        int users = 1000;
        String brokers = environment.getRequiredProperty("spring.kafka.bootstrap-servers");
        int threads = environment.getProperty("spring.kafka.listener.concurrency", Integer.class, 3);
        jdbc.execute("CREATE TABLE bare_event (event_id VARCHAR(100) PRIMARY KEY, user_id VARCHAR(255) NOT NULL, minutes INT NOT NULL)");
        String loader = load(brokers, events, users);

        long bareStart = System.nanoTime();
        bareLoop(brokers, events, threads);
        double bareSeconds = (System.nanoTime() - bareStart) / 1e9;

        long pipelineStart = System.nanoTime();
        listeners.getListenerContainers().forEach(c -> c.start());
        eventually("all " + events + " events applied", () -> jdbc.queryForObject("SELECT COUNT(*) FROM lecture_watched", Long.class) >= events);
        double appliedSeconds = (System.nanoTime() - pipelineStart) / 1e9;
        waitForOutput(brokers, events);
        double pipelineSeconds = (System.nanoTime() - pipelineStart) / 1e9;

        long total = jdbc.queryForObject("SELECT SUM(training_minutes) FROM training_progress", Long.class);
        System.out.printf("BENCH events=%d users=%d threads=%d max-poll-records=%s loader=%s%n", events, users, threads,
                environment.getProperty("spring.kafka.consumer.max-poll-records"), loader);
        System.out.printf("BENCH bare KafkaConsumer->JDBC batch insert: %.2f s, %.0f events/s%n", bareSeconds, events / bareSeconds);
        System.out.printf("BENCH generated pipeline (consume, dedup, store, aggregate, outbox, relay, publish): %.2f s, %.0f events/s%n",
                pipelineSeconds, events / pipelineSeconds);
        System.out.printf("BENCH of which consumed and committed to the database (outbox rows written): %.2f s, %.0f events/s%n",
                appliedSeconds, events / appliedSeconds);
        System.out.printf("BENCH ratio pipeline/bare: %.2f (total minutes %d)%n", bareSeconds / pipelineSeconds, total);
    }

    /** Produces the input with kcat (a real client nobody here wrote) if it is installed, else with the Java producer. */
    private String load(String brokers, int events, int users) throws IOException, InterruptedException {
        Path file = Files.createTempFile("bench-input", ".txt");
        StringBuilder lines = new StringBuilder();
        List<String[]> records = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String user = "user-" + (i % users);
            String value = LectureWatchedJson.of(UUID.randomUUID().toString(), user, 1 + i % 7);
            records.add(new String[] {user, value});
            lines.append(user).append('\t').append(value).append('\n');
        }
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        try {
            Process kcat = new ProcessBuilder("kcat", "-P", "-b", brokers, "-t", IN, "-K\t", "-X", "partitioner=murmur2_random", "-l",
                    file.toString()).inheritIO().start();
            if (kcat.waitFor() != 0) {
                throw new IllegalStateException("kcat failed");
            }
            System.out.printf("BENCH kcat produced %d records in %.2f s%n", events, (System.nanoTime() - started) / 1e9);
            return "kcat";
        } catch (IOException noKcat) {
            List<java.util.concurrent.CompletableFuture<?>> sends = new ArrayList<>();
            for (String[] r : records) {
                sends.add(kafka.send(IN, r[0], r[1]));
            }
            sends.forEach(java.util.concurrent.CompletableFuture::join);
            return "java-producer (kcat not installed)";
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void bareLoop(String brokers, int events, int threads) throws Exception {
        AtomicLong consumed = new AtomicLong();
        int maxPoll = environment.getProperty("spring.kafka.consumer.max-poll-records", Integer.class, 500);
        String group = "bare-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll);
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
                        Connection connection = dataSource.getConnection()) {
                    consumer.subscribe(List.of(IN));
                    connection.setAutoCommit(false);
                    while (consumed.get() < events) {
                        ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(100));
                        if (batch.isEmpty()) {
                            continue;
                        }
                        try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO bare_event (event_id, user_id, minutes) VALUES (?, ?, ?)")) {
                            for (ConsumerRecord<String, String> r : batch) {
                                String v = r.value();
                                insert.setString(1, field(v, "eventId"));
                                insert.setString(2, r.key());
                                insert.setInt(3, Integer.parseInt(field(v, "minutes")));
                                insert.addBatch();
                            }
                            insert.executeBatch();
                        }
                        connection.commit();
                        consumer.commitSync();
                        consumed.addAndGet(batch.count());
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    /** A field of the flat sample JSON without a JSON library, as a bare loop would. */
    private static String field(String json, String name) {
        int start = json.indexOf("\"" + name + "\":") + name.length() + 3;
        if (json.charAt(start) == '"') {
            return json.substring(start + 1, json.indexOf('"', start + 1));
        }
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return json.substring(start, end);
    }

    private void waitForOutput(String brokers, int events) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(OUT).stream().map(p -> new TopicPartition(OUT, p.partition())).toList();
            eventually("all " + events + " change events on " + OUT,
                    () -> consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum() >= events);
        }
    }
}
