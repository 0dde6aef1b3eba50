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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Infrastructure drills on learning.lecture-watched: the database unreachable for 10 s, then a read-only failover,
 * each in the middle of a stream with redelivered duplicates. Nothing may reach the dead-letter topic,
 * every total must be exact afterwards, and the outage must show in the transient-failure metric.
 */
class InfrastructureDrillsTests extends IntegrationTest {
    private static final String TOPIC = "learning.lecture-watched";

    @Autowired
    DatabaseFaults database;
    @Autowired
    MeterRegistry meters;
    @Autowired
    NamedParameterJdbcTemplate namedJdbc;

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

    private void rideThrough(String cause, Runnable fault, Duration faultLength) throws InterruptedException {
        Random random = new Random(7);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            keys.add(newKey());
        }
        Map<String, Long> expected = new HashMap<>();
        List<Planned> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Planned event = new Planned(newEventId(), keys.get(random.nextInt(keys.size())), 1 + random.nextInt(10));
            expected.merge(event.key(), event.amount(), Long::sum);
            events.add(event);
        }
        sendAll(events.subList(0, 200));
        eventually("some events applied", () -> applied(keys) > 0);
        double failuresBefore = transientFailures(cause);

        fault.run();
        try {
            sendAll(events.subList(200, 400));
            sendAll(events.subList(0, 50));
            eventually("the pipeline hit the fault", () -> transientFailures(cause) > failuresBefore);
            // the fault lasts this long, like the failover it stands for
            Thread.sleep(faultLength.toMillis());
        } finally {
            database.heal();
        }

        eventually("all 400 events applied", () -> applied(keys) == 400 && keys.stream().allMatch(k -> total(k) == expected.getOrDefault(k, 0L)));
        for (String key : keys) {
            assertThat(total(key)).as("total of " + key).isEqualTo(expected.getOrDefault(key, 0L));
        }
        assertThat(applied(keys)).isEqualTo(400);
        assertThat(readAll(TOPIC + ".DLT", r -> keys.contains(r.key()))).as("dead-lettered").isEmpty();
        assertThat(transientFailures(cause)).isGreaterThan(failuresBefore);
    }

    private void sendAll(List<Planned> events) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (Planned e : events) {
            sends.add(kafka.send(TOPIC, e.key(), LectureWatchedJson.of(e.id(), e.key(), e.amount())));
        }
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
