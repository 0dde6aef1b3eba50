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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
    private static final String IN = PipelineProgress.IN;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    DataSource dataSource;

    private String loader = "";

    @DynamicPropertySource
    static void bench(DynamicPropertyRegistry registry) {
        registry.add("pipeline.outbox.relay-enabled", () -> "true");
        registry.add("pipeline.outbox.poll-interval", () -> "20ms");
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
    }

    @Test
    void measure() throws Exception {
        int events = Integer.getInteger("bench.events");
        int warmup = Integer.getInteger("bench.warmup", 1_000_000); // as in pipeline-throughput.sh
        int users = 1000;
        String brokers = environment.getRequiredProperty("spring.kafka.bootstrap-servers");
        int threads = environment.getProperty("spring.kafka.listener.concurrency", Integer.class, 3);
        ddl("CREATE TABLE bare_event (event_id VARCHAR(100) PRIMARY KEY, user_id VARCHAR(255) NOT NULL, minutes INT NOT NULL)");

        // Warm-up: both sides first run the same code on warm-up events (a million by default), so most of the JIT
        // compiler's work is not counted against either (after 300,000, C2 still took 2-3 CPU-s of a 100,000-event
        // window on 2 cores). The cold figures are printed too, and the CPU lines show what the JIT still took.
        long expectedMinutes = load(brokers, warmup, users);
        try (BareLoop bare = new BareLoop(brokers, threads); PipelineProgress progress = new PipelineProgress(brokers)) {
            measure(brokers, bare, progress, warmup, events, users, threads, expectedMinutes);
        }
    }

    /** The pool does not auto-commit: PostgreSQL, unlike MariaDB, keeps DDL in the transaction until it commits. */
    private void ddl(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private void measure(String brokers, BareLoop bare, PipelineProgress progress, int warmup, int events, int users, int threads, long warmupMinutes) throws Exception {
        long expectedMinutes = warmupMinutes;
        double bareCold = timed(() -> bare.consume(warmup));
        double pipelineCold = timed(() -> {
            listeners.getListenerContainers().forEach(c -> c.start());
            progress.awaitCommitted(warmup);
            progress.awaitPublished(warmup);
        });
        pause();
        System.out.printf("BENCH events=%d in each of %d rounds (after %d warm-up events) users=%d threads=%d max-poll-records=%s loader=%s%n",
                events, ROUNDS, warmup, users, threads, environment.getProperty("spring.kafka.consumer.max-poll-records"), loader);
        System.out.printf("BENCH cold, warm-up events: bare %.0f events/s, pipeline %.0f events/s, ratio %.2f%n",
                warmup / bareCold, warmup / pipelineCold, bareCold / pipelineCold);

        // Several timed rounds in the same JVM, as JMH times several iterations: on 2 cores HotSpot compiles much of
        // the hot path at tier 2 while C2's queue is long, and that code moves on to C2 only when called again, so
        // the first round after the warm-up still paid 0.5-0.7 CPU-s of JIT work inside the pipeline's window
        // (79 tier-2 methods recompiled in one run, by -Xlog:jit+compilation). Every round is printed.
        long published = warmup;
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            // Both sides start each round on tables of the same size as a fresh run (earlier rows would otherwise
            // make every B-tree the pipeline writes deeper than the bare loop's); the totals stay.
            for (String table : List.of("bare_event", "lecture_watched")) {
                ddl("TRUNCATE TABLE " + table);
            }
            expectedMinutes += load(brokers, events, users);
            CpuUsage.awaitCompilerIdle();
            String database = DatabaseQuiet.await(dataSource);

            CpuUsage beforeBare = CpuUsage.now();
            double bareSeconds = timed(() -> bare.consume(events));
            String bareCpu = CpuUsage.now().since(beforeBare);
            CpuUsage beforePipeline = CpuUsage.now();
            long pipelineStart = System.nanoTime();
            resume();
            published += events;
            progress.awaitCommitted(published);
            double appliedSeconds = (System.nanoTime() - pipelineStart) / 1e9;
            progress.awaitPublished(published);
            double pipelineSeconds = (System.nanoTime() - pipelineStart) / 1e9;
            String pipelineCpu = CpuUsage.now().since(beforePipeline);
            pause();

            String r = "BENCH round " + round + ": ";
            System.out.println(r + "before timing, " + database);
            System.out.printf("%sbare KafkaConsumer->JDBC batch insert: %.2f s, %.0f events/s%n", r, bareSeconds, events / bareSeconds);
            System.out.printf("%sgenerated pipeline (consume, dedup, store, aggregate, outbox, relay, publish): %.2f s, %.0f events/s%n",
                    r, pipelineSeconds, events / pipelineSeconds);
            System.out.printf("%sof which consumed and committed to the database (outbox rows written): %.2f s, %.0f events/s%n",
                    r, appliedSeconds, events / appliedSeconds);
            System.out.println(r + "CPU in the bare loop's window: " + bareCpu);
            System.out.println(r + "CPU in the pipeline's window: " + pipelineCpu);
            System.out.printf("%sratio pipeline/bare: %.2f%n", r, bareSeconds / pipelineSeconds);
            ratios.add(bareSeconds / pipelineSeconds);
        }

        long total = jdbc.queryForObject("SELECT SUM(training_minutes) FROM training_progress", Long.class);
        List<Double> sorted = ratios.stream().sorted().toList();
        double median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("BENCH ratio pipeline/bare: %.2f, median of %d rounds (%s) (total minutes %d, expected %d)%n",
                median, ROUNDS, ratios.stream().map(x -> String.format("%.2f", x)).collect(Collectors.joining(" / ")),
                total, expectedMinutes);
        if (total != expectedMinutes) {
            throw new AssertionError("the pipeline lost or double-counted events: total minutes " + total + ", expected " + expectedMinutes);
        }
    }

    private void pause() {
        listeners.getListenerContainers().forEach(c -> c.pause());
        eventually("listener containers paused", () -> listeners.getListenerContainers().stream().allMatch(c -> c.isContainerPaused()));
    }

    private void resume() {
        listeners.getListenerContainers().forEach(c -> c.resume());
    }

    private interface Phase {
        void run() throws Exception;
    }

    private static double timed(Phase phase) throws Exception {
        long started = System.nanoTime();
        phase.run();
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Produces the input with kcat (a real client nobody here wrote) if it is installed, else with the Java producer;
     * returns the sum of the events' minutes.
     */
    private long load(String brokers, int events, int users) throws IOException, InterruptedException {
        Path file = Files.createTempFile("bench-input", ".txt");
        StringBuilder lines = new StringBuilder();
        long minutes = 0;
        for (int i = 0; i < events; i++) {
            String user = "user-" + (i % users);
            String value = LectureWatchedJson.of(UUID.randomUUID().toString(), user, 1 + i % 7);
            minutes += 1 + i % 7;
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
            loader = "kcat";
            return minutes;
        } catch (IOException noKcat) {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            for (String line : lines.toString().split("\n")) {
                int tab = line.indexOf('\t');
                sends.add(kafka.send(IN, line.substring(0, tab), line.substring(tab + 1)));
            }
            sends.forEach(CompletableFuture::join);
            loader = "java-producer (kcat not installed)";
            return minutes;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The bare loop: one KafkaConsumer and one JDBC connection per thread, kept open (and in the group) between
     * the warm-up and the measured run, as the listener containers stay in theirs.
     */
    private final class BareLoop implements AutoCloseable {
        private final List<KafkaConsumer<String, String>> consumers = new ArrayList<>();
        private final List<Connection> connections = new ArrayList<>();
        private final ExecutorService pool;

        BareLoop(String brokers, int threads) throws SQLException {
            int maxPoll = environment.getProperty("spring.kafka.consumer.max-poll-records", Integer.class, 500);
            Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                    ConsumerConfig.GROUP_ID_CONFIG, "bare-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll);
            for (int t = 0; t < threads; t++) {
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
                consumer.subscribe(List.of(IN));
                consumers.add(consumer);
                Connection connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                connections.add(connection);
            }
            pool = Executors.newFixedThreadPool(threads);
        }

        /** Consumes {@code events} more records (a consumer is used by one thread at a time). */
        void consume(int events) throws Exception {
            AtomicLong consumed = new AtomicLong();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < consumers.size(); t++) {
                KafkaConsumer<String, String> consumer = consumers.get(t);
                Connection connection = connections.get(t);
                workers.add(pool.submit(() -> {
                    while (consumed.get() < events) {
                        ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(100));
                        if (!batch.isEmpty()) {
                            insert(connection, batch);
                            consumer.commitSync();
                            consumed.addAndGet(batch.count());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }

        private void insert(Connection connection, ConsumerRecords<String, String> batch) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bare_event (event_id, user_id, minutes) VALUES (?, ?, ?)")) {
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
        }

        @Override
        public void close() throws SQLException {
            pool.shutdown();
            consumers.forEach(KafkaConsumer::close);
            for (Connection connection : connections) {
                connection.close();
            }
        }
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
}
