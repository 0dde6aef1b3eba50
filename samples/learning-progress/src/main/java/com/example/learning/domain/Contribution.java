package com.example.learning.domain;

import java.util.Objects;

/**
 * What one consumed event adds to its key's TrainingProgress.
 *
 * @param eventId     the consumed event's id (the dedup key)
 * @param sourceTopic the topic it came from
 * @param userId the aggregate key
 * @param amount      what it adds to trainingMinutes
 */
public record Contribution(String eventId, String sourceTopic, String userId, long amount) {
    public Contribution {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(userId, "userId");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
    }
}
