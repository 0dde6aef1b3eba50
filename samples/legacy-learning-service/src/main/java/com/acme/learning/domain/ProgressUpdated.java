package com.acme.learning.domain;

/** Published downstream whenever a learner's total changes. */
public record ProgressUpdated(String eventId, String userId, long totalMinutes) { // VIOLATION: pipeline.event-schema-evolution
}
