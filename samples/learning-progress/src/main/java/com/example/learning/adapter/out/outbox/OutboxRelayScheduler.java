package com.example.learning.adapter.out.outbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drains the outbox on a short fixed delay; a failed batch is retried on the next tick. */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "pipeline.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
public class OutboxRelayScheduler {
    private final OutboxRelay relay;

    public OutboxRelayScheduler(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(fixedDelayString = "${pipeline.outbox.poll-interval:50ms}")
    public void drain() {
        relay.drain();
    }
}
