package com.example.learning.adapter.out.outbox;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox on a short fixed delay; a failed batch is retried on the next tick. It logs when the relay starts
 * and stops, and a failure once per episode: when the relay first fails (with the cause) and when it publishes again
 * (with how long and how many drains failed), never at every tick of an outage.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "pipeline.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
public class OutboxRelayScheduler implements InitializingBean, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayScheduler.class);
    private final OutboxRelay relay;
    private final Duration pollInterval;
    // Only the scheduler's one thread runs drain(): the episode needs no synchronisation.
    private @Nullable Instant failingSince;
    private long failedDrains;

    public OutboxRelayScheduler(OutboxRelay relay, @Value("${pipeline.outbox.poll-interval:50ms}") Duration pollInterval) {
        this.relay = relay;
        this.pollInterval = pollInterval;
    }

    @Override
    public void afterPropertiesSet() {
        LOG.info("Outbox relay {} started: draining every {}", relay.owner(), pollInterval);
    }

    @Scheduled(fixedDelayString = "${pipeline.outbox.poll-interval:50ms}")
    public void drain() {
        try {
            relay.drain();
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        if (failingSince != null) {
            LOG.warn("Outbox relay publishes again after {}; failed drains: {}", Duration.between(failingSince, Instant.now()), failedDrains);
            failingSince = null;
            failedDrains = 0;
        }
    }

    private void failed(RuntimeException e) {
        failedDrains++;
        if (failingSince == null) {
            failingSince = Instant.now();
            LOG.warn("Outbox relay cannot publish: {} ({}); retrying every {}, logging again when it passes",
                    e.getMessage(), NestedExceptionUtils.getMostSpecificCause(e).getMessage(), pollInterval, e);
        }
    }

    @Override
    public void destroy() {
        LOG.info("Outbox relay {} stopped", relay.owner());
    }
}
