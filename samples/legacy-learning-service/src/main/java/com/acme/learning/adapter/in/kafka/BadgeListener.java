package com.acme.learning.adapter.in.kafka;

import com.acme.learning.adapter.out.partner.BadgeClient;
import com.acme.learning.domain.ProgressUpdated;
import com.acme.learning.domain.port.ProgressStore;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Awards badges, throttled so the badge partner is not flooded. */
@Component
public class BadgeListener {
    private final ProgressStore store;
    private final BadgeClient badges;

    public BadgeListener(ProgressStore store, BadgeClient badges) {
        this.store = store;
        this.badges = badges;
    }

    @KafkaListener(topics = "progress-updated", groupId = "badges")
    public void on(ProgressUpdated event) {
        if (!store.markProcessed(event.eventId())) {
            return;
        }
        throttle(); // VIOLATION: pipeline.blocking-listener
        badges.award(event.userId(), event.totalMinutes());
    }

    private void throttle() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while throttling", e);
        }
    }
}
