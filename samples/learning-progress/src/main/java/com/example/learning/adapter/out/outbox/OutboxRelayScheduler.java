package com.example.learning.adapter.out.outbox;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox on a short fixed delay; a failed batch is retried on a later tick. During an outage the ticks back
 * off and the outage is logged when it starts and when it ends ({@link OutboxRelayOutage}), never at every tick. It
 * logs when the relay starts and stops.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "pipeline.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
public class OutboxRelayScheduler implements InitializingBean, DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayScheduler.class);
    private final String owner;
    private final Duration pollInterval;
    private final Runnable drain;
    private final OutboxRelayOutage outage;

    @Autowired
    public OutboxRelayScheduler(OutboxRelay relay, @Value("${pipeline.outbox.poll-interval:50ms}") Duration pollInterval,
            @Value("${pipeline.outbox.outage-max-backoff:5s}") Duration maxBackoff) {
        this(relay.owner(), pollInterval, relay::drain, new OutboxRelayOutage(Clock.systemUTC(), pollInterval, maxBackoff));
    }

    OutboxRelayScheduler(String owner, Duration pollInterval, Runnable drain, OutboxRelayOutage outage) {
        this.owner = owner;
        this.pollInterval = pollInterval;
        this.drain = drain;
        this.outage = outage;
    }

    @Override
    public void afterPropertiesSet() {
        LOG.info("Outbox relay {} started: draining every {}", owner, pollInterval);
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

    @Override
    public void destroy() {
        LOG.info("Outbox relay {} stopped", owner);
    }
}
