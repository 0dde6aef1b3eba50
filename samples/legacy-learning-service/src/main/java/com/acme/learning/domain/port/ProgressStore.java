package com.acme.learning.domain.port;

/** Where progress is kept; implemented by a persistence adapter. */
public interface ProgressStore {
    /** Records the event id; false when it was already processed (a redelivery). */
    boolean markProcessed(String eventId);

    long addMinutes(String userId, long minutes);
}
