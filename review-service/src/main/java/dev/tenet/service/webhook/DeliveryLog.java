package dev.tenet.service.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code X-GitHub-Delivery} ids seen lately, so that a redelivery is not processed twice. In memory and bounded (the
 * oldest ids go first, and ids expire after a while): a restarted process, or another replica, does not know them.
 */
final class DeliveryLog {
    private final int capacity;
    private final Duration expiry;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    DeliveryLog(int capacity, Duration expiry, Clock clock) {
        this.capacity = capacity;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** Records the delivery; false when it was recorded before and has not expired. */
    synchronized boolean firstTime(String deliveryId) {
        Instant now = clock.instant();
        evict(now);
        if (seen.containsKey(deliveryId)) {
            return false;
        }
        seen.put(deliveryId, now);
        return true;
    }

    /** Forgets a delivery that was not processed after all (the queue was full), so that GitHub's redelivery is. */
    synchronized void forget(String deliveryId) {
        seen.remove(deliveryId);
    }

    private void evict(Instant now) {
        Iterator<Map.Entry<String, Instant>> oldest = seen.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Instant> entry = oldest.next();
            if (seen.size() < capacity && entry.getValue().plus(expiry).isAfter(now)) {
                return;
            }
            oldest.remove();
        }
    }
}
