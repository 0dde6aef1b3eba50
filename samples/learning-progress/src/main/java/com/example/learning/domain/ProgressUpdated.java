package com.example.learning.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Published downstream after a TrainingProgress changed, keyed by userId. Its id is derived from
 * the consumed event, so every re-publication of the same change carries the same id and consumers
 * downstream deduplicate on it.
 *
 * @param eventId       stable id of this change
 * @param userId the key (and the Kafka record key)
 * @param trainingMinutes the total after the change
 * @param sourceEventId the consumed event that caused it
 * @param sourceTopic   the topic that event came from
 */
public record ProgressUpdated(String eventId, String userId, long trainingMinutes, String sourceEventId, String sourceTopic) {
    public ProgressUpdated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
    }

    /** The stable id of the change caused by one consumed event. */
    public static String idFor(String sourceTopic, String sourceEventId) {
        return UUID.nameUUIDFromBytes((sourceTopic + "/" + sourceEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
