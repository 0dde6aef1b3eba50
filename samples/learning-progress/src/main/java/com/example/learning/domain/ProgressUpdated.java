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
    /**
     * The version of the committed schema this record matches (src/main/resources/schemas/learning.progress-updated/v1.json), sent in
     * every published record's {@code event-version} header. A compatible change (a new optional field) commits the
     * next version and raises it; {@code tenet check} reports a change the committed schema's consumers cannot read.
     */
    public static final int SCHEMA_VERSION = 1;

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
