package com.example.learning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * End-to-end throughput of one variant of the service (the generated outbox and relay, or the Spring Modulith event
 * publication registry that scaffolder/bench/modulith/apply.sh puts in its place): input preloaded on
 * learning.lecture-watched while the listeners are paused, then the time from resuming them until every change event
 * is on learning.progress-updated. Also the CPU split, the database statements per event, and per-key order on the
 * output topic (each user's running totals must rise in offset order). With {@code bench.drill=true} instead: a
 * read-only failover while events flow, then how many of them each variant published. Uses only what both variants
 * share (the listener, the use case, the topics), so the same file runs on both. Copied in by
 * scaffolder/bench/modulith-comparison.sh; not part of generated services.
 */
@EnabledIfSystemProperty(named = "bench.events", matches = "\\d+")
class OutboxComparisonBench extends IntegrationTest {
    private static final String IN = PipelineProgress.IN;
    private static final String OUT = PipelineProgress.OUT;

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    DatabaseFaults database;

    @DynamicPropertySource
    static void bench(DynamicPropertyRegistry registry) {
        registry.add("pipeline.outbox.relay-enabled", () -> "true"); // the generated relay as deployed (the variant has none)
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
    }

    @Test
    void measure() throws Exception {
        int events = Integer.getInteger("bench.events");
        int warmup = Integer.getInteger("bench.warmup", events);
        int users = Integer.getInteger("bench.users", 1000);
        String variant = System.getProperty("bench.variant", "?");
        String brokers = environment.getRequiredProperty("spring.kafka.bootstrap-servers");
        try (PipelineProgress progress = new PipelineProgress(brokers)) {
            long warmupStart = System.nanoTime();
            send(warmup, users);
            listeners.getListenerContainers().forEach(c -> c.start());
            progress.awaitPublished(warmup);
            double warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;
            listeners.getListenerContainers().forEach(c -> c.pause());
            eventually("listener containers paused", () -> listeners.getListenerContainers().stream().allMatch(c -> c.isContainerPaused()));
            // tables of the size a fresh run starts with, as ThroughputBench does (the totals stay)
            for (String table : List.of("lecture_watched")) {
                jdbc.execute("TRUNCATE TABLE " + table);
            }
            send(events, users);
            CpuUsage.awaitCompilerIdle();
            Map<String, Long> statementsBefore = DatabaseStatements.now(jdbc);
            CpuUsage cpuBefore = CpuUsage.now();
            ThreadSampler sampler = new ThreadSampler();
            long start = System.nanoTime();
            listeners.getListenerContainers().forEach(c -> c.resume());
            progress.awaitCommitted(warmup + events);
            double appliedSeconds = (System.nanoTime() - start) / 1e9;
            progress.awaitPublished(warmup + events);
            double seconds = (System.nanoTime() - start) / 1e9;
            String cpu = CpuUsage.now().since(cpuBefore);
            sampler.close();
            String statements = DatabaseStatements.perEvent(statementsBefore, DatabaseStatements.now(jdbc), events);
            Order order = order(brokers);

            System.out.printf("BENCH variant=%s events=%d warmup=%d users=%d async-threads=%d%n", variant, events, warmup, users, asyncThreads());
            System.out.printf("BENCH warm-up: %.2f s, %.0f events/s%n", warmupSeconds, warmup / warmupSeconds);
            System.out.printf("BENCH end-to-end variant=%s: %.2f s, %.0f events/s (consumed and committed after %.2f s)%n", variant, seconds, events / seconds,
                    appliedSeconds);
            System.out.println("BENCH CPU: " + cpu);
            System.out.println("BENCH DB statements per event: " + statements);
            System.out.println("BENCH thread samples: " + sampler.report());
            System.out.printf("BENCH per-key order: %d of %d users out of order, %d records for %d distinct event ids%n",
                    order.usersOutOfOrder(), order.users(), order.records(), order.distinctIds());
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "bench.drill", matches = "true")
    void readOnlyFailoverWhileEventsFlow() throws Exception {
        int events = 400;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keys.add(newKey());
        }
        listeners.getListenerContainers().forEach(c -> c.start());
        List<CompletableFuture<?>> sends = new ArrayList<>();
        Set<String> expectedIds = new HashSet<>();
        for (int i = 0; i < events; i++) {
            String id = newEventId();
            expectedIds.add(com.example.learning.domain.ProgressUpdated.idFor(IN, id));
            String key = keys.get(i % keys.size());
            sends.add(kafka.send(IN, key, LectureWatchedJson.of(id, key, 1)));
        }
        // the failover starts once a quarter is applied: while the rest is being applied and published
        eventually("a quarter applied", () -> keys.stream().mapToLong(this::total).sum() >= events / 4);
        database.readOnly();
        try {
            Thread.sleep(Long.getLong("bench.failover-ms", 4000));
        } finally {
            database.heal();
        }
        sends.forEach(CompletableFuture::join);
        eventually("all " + events + " applied", () -> keys.stream().mapToLong(this::total).sum() == events);
        long settled = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<String> published = new HashSet<>();
        Set<String> outOfOrder = new HashSet<>();
        int duplicates = 0;
        while (System.nanoTime() < settled && !published.containsAll(expectedIds)) {
            published.clear();
            outOfOrder.clear();
            duplicates = 0;
            Map<String, Long> lastTotal = new HashMap<>();
            for (ConsumerRecord<String, String> r : readAll(OUT, r -> keys.contains(r.key()))) {
                // a record sent again (at least once: same event id) is not an order fault; downstream drops it by id
                if (!published.add(new String(r.headers().lastHeader("eventId").value()))) {
                    duplicates++;
                    continue;
                }
                long total = Long.parseLong(field(r.value(), "trainingMinutes"));
                Long before = lastTotal.put(r.key(), total);
                if (before != null && total < before) {
                    outOfOrder.add(r.key());
                }
            }
            Thread.sleep(1000);
        }
        published.retainAll(expectedIds);
        System.out.printf("BENCH drill variant=%s read-only failover of %d ms: %d applied, %d of %d change events published (%d sent again),"
                + " %d of %d users out of order%s%n", System.getProperty("bench.variant", "?"), Long.getLong("bench.failover-ms", 4000), events,
                published.size(), events, duplicates, outOfOrder.size(), keys.size(), registryBacklog());
    }

    /** Publications Modulith's registry still holds as incomplete (the generated service has no registry). */
    private String registryBacklog() {
        try {
            return ", registry: " + jdbc.queryForObject("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL", Long.class)
                    + " publications incomplete";
        } catch (org.springframework.jdbc.BadSqlGrammarException noRegistry) {
            return "";
        }
    }

    private void send(int count, int users) {
        List<CompletableFuture<?>> sends = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String user = "user-" + (i % users);
            sends.add(kafka.send(IN, user, LectureWatchedJson.of(UUID.randomUUID().toString(), user, 1 + i % 7)));
        }
        sends.forEach(CompletableFuture::join);
    }

    /** Threads of Spring's async executor (Modulith externalizes on them; the generated service has none). */
    private static long asyncThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("task-")).count();
    }

    private record Order(int users, int usersOutOfOrder, long records, long distinctIds) {
    }

    /** Reads the whole output topic: a user is out of order when a running total is lower than the one before it. */
    private static Order order(String brokers) {
        try (KafkaConsumer<String, String> output = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = output.partitionsFor(OUT).stream().map(p -> new TopicPartition(OUT, p.partition())).toList();
            output.assign(partitions);
            output.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = output.endOffsets(partitions);
            Map<String, Long> lastTotal = new HashMap<>();
            Set<String> outOfOrder = new HashSet<>();
            Set<String> ids = new HashSet<>();
            long records = 0;
            while (partitions.stream().anyMatch(p -> output.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : output.poll(Duration.ofMillis(200))) {
                    records++;
                    ids.add(new String(r.headers().lastHeader("eventId").value()));
                    long total = Long.parseLong(field(r.value(), "trainingMinutes"));
                    Long before = lastTotal.put(r.key(), total);
                    if (before != null && total < before) {
                        outOfOrder.add(r.key());
                    }
                }
            }
            return new Order(lastTotal.size(), outOfOrder.size(), records, ids.size());
        }
    }

    /** A number field of the flat sample JSON. */
    private static String field(String json, String name) {
        int start = json.indexOf("\"" + name + "\":") + name.length() + 3;
        int end = start;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return json.substring(start, end);
    }
}
