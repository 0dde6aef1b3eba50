package com.example.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Infrastructure drills on learning.lecture-watched: the database unreachable for 10 s, a read-only failover and
 * the broker stopped and restarted, each in the middle of a stream with redelivered duplicates. Nothing
 * may reach the dead-letter topic, every total must be exact afterwards, and a database fault must show
 * in the transient-failure metric.
 */
class InfrastructureDrillsTests extends IntegrationTest {
    private static final String TOPIC = "learning.lecture-watched";

    @Autowired
    DatabaseFaults database;
    @Autowired
    MeterRegistry meters;
    @Autowired
    NamedParameterJdbcTemplate namedJdbc;
    @Autowired
    EmbeddedKafkaBroker embeddedKafka;

    private record Planned(String id, String key, long amount) {
    }

    @Test
    void aTenSecondDatabaseOutageMidStreamDeadLettersNothingAndLosesNothing() throws InterruptedException {
        rideThrough("connection", database::outage, Duration.ofSeconds(10));
    }

    @Test
    void aReadOnlyFailoverMidStreamDeadLettersNothingAndLosesNothing() throws InterruptedException {
        rideThrough("read-only", database::readOnly, Duration.ofSeconds(4));
    }

    @Test
    void theBrokerStoppedAndRestartedMidStreamLosesNothingAndDoubleCountsNothing() throws InterruptedException {
        BrokerServer broker = ((EmbeddedKafkaKraftBroker) embeddedKafka).getCluster().brokers().values().iterator().next();
        List<String> keys = keys();
        Map<String, Long> expected = new HashMap<>();
        List<Planned> events = plan(keys, expected);
        join(sendAll(events.subList(0, 200)));
        eventually("some events applied", () -> applied(keys) > 0);

        broker.shutdown();
        broker.awaitShutdown();
        CompletableFuture<Void> sentWhileDown;
        try {
            // the producer waits for the broker, so these are sent from another thread
            sentWhileDown = CompletableFuture.runAsync(() -> {
                join(sendAll(events.subList(200, 400)));
                join(sendAll(events.subList(0, 50)));
            });
            // the broker stays down this long
            Thread.sleep(3000);
        } finally {
            broker.startup();
        }
        sentWhileDown.join();

        assertExactAndNothingDeadLettered(keys, expected);
    }

    private void rideThrough(String cause, Runnable fault, Duration faultLength) throws InterruptedException {
        List<String> keys = keys();
        Map<String, Long> expected = new HashMap<>();
        List<Planned> events = plan(keys, expected);
        join(sendAll(events.subList(0, 200)));
        eventually("some events applied", () -> applied(keys) > 0);
        double failuresBefore = transientFailures(cause);

        fault.run();
        try {
            join(sendAll(events.subList(200, 400)));
            join(sendAll(events.subList(0, 50)));
            eventually("the pipeline hit the fault", () -> transientFailures(cause) > failuresBefore);
            // the fault lasts this long, like the failover it stands for
            Thread.sleep(faultLength.toMillis());
        } finally {
            database.heal();
        }

        assertExactAndNothingDeadLettered(keys, expected);
        assertThat(transientFailures(cause)).isGreaterThan(failuresBefore);
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            keys.add(newKey());
        }
        return keys;
    }

    /** 400 events over the keys, their expected totals added to {@code expected}. */
    private static List<Planned> plan(List<String> keys, Map<String, Long> expected) {
        Random random = new Random(7);
        List<Planned> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Planned event = new Planned(newEventId(), keys.get(random.nextInt(keys.size())), 1 + random.nextInt(10));
            expected.merge(event.key(), event.amount(), Long::sum);
            events.add(event);
        }
        return events;
    }

    private void assertExactAndNothingDeadLettered(List<String> keys, Map<String, Long> expected) {
        eventually("all 400 events applied", () -> applied(keys) == 400 && keys.stream().allMatch(k -> total(k) == expected.getOrDefault(k, 0L)));
        for (String key : keys) {
            assertThat(total(key)).as("total of " + key).isEqualTo(expected.getOrDefault(key, 0L));
        }
        assertThat(applied(keys)).isEqualTo(400);
        assertThat(readAll(TOPIC + ".DLT", r -> keys.contains(r.key()))).as("dead-lettered").isEmpty();
    }

    private List<CompletableFuture<?>> sendAll(List<Planned> events) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Planned e : events) {
            sends.add(kafka.send(TOPIC, e.key(), LectureWatchedJson.of(e.id(), e.key(), e.amount())));
        }
        return sends;
    }

    private static void join(List<CompletableFuture<?>> sends) {
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }

    private double transientFailures(String cause) {
        Counter counter = meters.find("pipeline.transient.failures").tag("topic", TOPIC).tag("cause", cause).counter();
        return counter == null ? 0 : counter.count();
    }

    private long applied(List<String> keys) {
        return namedJdbc.queryForObject("SELECT COUNT(*) FROM lecture_watched WHERE user_id IN (:keys)", Map.of("keys", keys), Long.class);
    }
}
