package com.example.learning.adapter.out.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** The relay's schedule through a database outage, on a clock the test moves: what it logs and how often it tries. */
class OutboxRelaySchedulerTests {
    private static final Duration TICK = Duration.ofMillis(50);

    private final MovableClock clock = new MovableClock();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger outageLogger = (Logger) LoggerFactory.getLogger(OutboxRelayOutage.class);
    private final List<Instant> attempts = new ArrayList<>();
    private Instant databaseBack = Instant.MAX;

    @BeforeEach
    void captureLogs() {
        logs.start();
        outageLogger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        outageLogger.detachAppender(logs);
    }

    @Test
    void anOutageIsLoggedOnceWhenItStartsAndOnceWhenItEndsAndItsAttemptsBackOff() {
        OutboxRelayScheduler scheduler = new OutboxRelayScheduler("test-relay", Duration.ofMillis(50), this::drainUnlessDatabaseDown,
                new OutboxRelayOutage(clock, TICK, Duration.ofSeconds(1)));
        Instant start = clock.instant();
        databaseBack = start.plusSeconds(3);
        while (clock.instant().isBefore(start.plusSeconds(4))) {
            scheduler.drain();
            clock.advance(TICK);
        }

        // Back-off doubles from the poll interval to the 1 s ceiling: 0, 50, 150, 350, 750, 1550, 2550 ms fail, 3550 ms succeeds;
        // every tick after that drains again.
        List<Long> outageAttempts = attempts.stream().map(a -> Duration.between(start, a).toMillis()).filter(ms -> ms <= 3550).toList();
        assertThat(outageAttempts).containsExactly(0L, 50L, 150L, 350L, 750L, 1550L, 2550L, 3550L);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                .satisfies(e -> assertThat(e.getThrowableProxy().getMessage()).contains("database down"));
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("Outbox relay recovered after PT3.55S and 7 failed attempts");
        assertThat(attempts).hasSize(8 + (4000 - 3600) / 50);
    }

    @Test
    void aHealthyRelayDrainsAtEveryTickAndLogsNothing() {
        OutboxRelayScheduler scheduler = new OutboxRelayScheduler("test-relay", Duration.ofMillis(50), this::drainUnlessDatabaseDown,
                new OutboxRelayOutage(clock, TICK, Duration.ofSeconds(1)));
        databaseBack = clock.instant();
        for (int tick = 0; tick < 10; tick++) {
            scheduler.drain();
            clock.advance(TICK);
        }
        assertThat(attempts).hasSize(10);
        assertThat(logs.list).isEmpty();
    }

    private void drainUnlessDatabaseDown() {
        attempts.add(clock.instant());
        if (clock.instant().isBefore(databaseBack)) {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection: database down");
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
