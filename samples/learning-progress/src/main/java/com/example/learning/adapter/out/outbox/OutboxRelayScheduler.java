package com.example.learning.adapter.out.outbox;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox on a short fixed delay; a failed batch is retried on a later tick. During an outage the ticks back
 * off and the outage is logged when it starts and when it ends ({@link OutboxRelayOutage}).
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "pipeline.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
public class OutboxRelayScheduler {
    private final Runnable drain;
    private final OutboxRelayOutage outage;

    @Autowired
    public OutboxRelayScheduler(OutboxRelay relay, @Value("${pipeline.outbox.poll-interval:50ms}") Duration pollInterval,
            @Value("${pipeline.outbox.outage-max-backoff:5s}") Duration maxBackoff) {
        this(relay::drain, new OutboxRelayOutage(Clock.systemUTC(), pollInterval, maxBackoff));
    }

    OutboxRelayScheduler(Runnable drain, OutboxRelayOutage outage) {
        this.drain = drain;
        this.outage = outage;
    }

    @Scheduled(fixedDelayString = "${pipeline.outbox.poll-interval:50ms}")
    public void drain() {
        if (!outage.attemptDue()) {
            return;
        }
        try {
            drain.run();
            outage.succeeded();
        } catch (RuntimeException e) {
            outage.failed(e);
        }
    }
}
