package com.example.learning.adapter.out.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's view of an outage (database or broker unreachable): logged once when it starts and once when it ends,
 * with its duration and the attempts it took, rather than at every poll. While it lasts, attempts back off
 * exponentially from the poll interval up to a ceiling, so a relay does not hammer a database that is failing over.
 * Used from the scheduler's single thread.
 */
public class OutboxRelayOutage {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayOutage.class);

    private final Clock clock;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private Instant started;
    private int attempts;
    private Duration backoff;
    private Instant nextAttempt = Instant.MIN;

    public OutboxRelayOutage(Clock clock, Duration firstBackoff, Duration maxBackoff) {
        this.clock = clock;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Whether the relay should try now: always outside an outage, once its back-off has passed during one. */
    public boolean attemptDue() {
        return !clock.instant().isBefore(nextAttempt);
    }

    /** Whether an outage is under way. */
    public boolean ongoing() {
        return started != null;
    }

    public void failed(RuntimeException failure) {
        Instant now = clock.instant();
        attempts++;
        if (started == null) {
            started = now;
            backoff = firstBackoff;
            LOG.error("Outbox relay cannot publish, retrying with back-off up to {} and logging again when it recovers", maxBackoff, failure);
        } else {
            backoff = min(backoff.multipliedBy(2), maxBackoff);
            LOG.debug("Outbox relay attempt {} of this outage failed: {}", attempts, failure.getMessage());
        }
        nextAttempt = now.plus(backoff);
    }

    public void succeeded() {
        if (started != null) {
            LOG.warn("Outbox relay recovered after {} and {} failed attempts", Duration.between(started, clock.instant()), attempts);
        }
        started = null;
        attempts = 0;
        nextAttempt = Instant.MIN;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
