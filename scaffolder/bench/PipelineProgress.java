package com.example.learning;

import com.example.learning.application.RecordLectureWatched;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The two progress probes of the sample's pipeline, opened once before any timed window so their client start-up is
 * not timed: the LectureWatched listener group's committed offsets (a broker call, so waiting does not scan the tables
 * the pipeline is writing) and the end offsets of the topic it publishes to. Copied into a generated sample with
 * ThroughputBench and OutboxComparisonBench.
 */
final class PipelineProgress implements AutoCloseable {
    static final String IN = "learning.lecture-watched";
    static final String OUT = "learning.progress-updated";
    private static final Duration LIMIT = Duration.ofMinutes(15); // a million-event warm-up on a slow machine

    private final Admin admin;
    private final KafkaConsumer<String, String> output;
    private final List<TopicPartition> outputPartitions;

    PipelineProgress(String brokers) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        admin = Admin.create(props);
        output = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        outputPartitions = output.partitionsFor(OUT).stream().map(p -> new TopicPartition(OUT, p.partition())).toList();
    }

    void awaitCommitted(long events) throws InterruptedException {
        String group = RecordLectureWatched.CONSUMER; // the listener id is its group id
        await("all " + events + " events committed by " + group, () -> {
            try {
                return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(IN) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum() >= events;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the group's offsets", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot read the group's offsets", e.getCause());
            }
        });
    }

    void awaitPublished(long events) throws InterruptedException {
        await("all " + events + " change events on " + OUT,
                () -> output.endOffsets(outputPartitions).values().stream().mapToLong(Long::longValue).sum() >= events);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + LIMIT.toMinutes() + " minutes waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        output.close();
        admin.close();
    }
}
