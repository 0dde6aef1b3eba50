package dev.tenet.service.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The bounded, expiring memory of delivery ids behind "each delivery processed once". */
class DeliveryLogTests {
    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aDeliveryIsFirstSeenOnceUntilItExpires() {
        DeliveryLog log = new DeliveryLog(10, Duration.ofHours(24), clock);

        assertThat(log.firstTime("a")).isTrue();
        assertThat(log.firstTime("a")).isFalse();
        now = now.plus(Duration.ofHours(25));
        assertThat(log.firstTime("a")).as("expired").isTrue();
    }

    @Test
    void theOldestDeliveriesAreForgottenPastTheBoundAndAForgottenOneCountsAsNew() {
        DeliveryLog log = new DeliveryLog(2, Duration.ofHours(24), clock);
        log.firstTime("a");
        log.firstTime("b");
        log.firstTime("c");

        assertThat(log.firstTime("c")).isFalse();
        assertThat(log.firstTime("a")).as("evicted by the bound").isTrue();
        log.forget("a");
        assertThat(log.firstTime("a")).as("forgotten after a refused delivery").isTrue();
    }
}
