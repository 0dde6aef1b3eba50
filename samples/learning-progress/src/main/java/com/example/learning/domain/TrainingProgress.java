package com.example.learning.domain;

import java.util.Objects;

/**
 * The running trainingMinutes of one userId: the state every consumed event adds to.
 *
 * @param userId the key; all of one key's events arrive in order on one partition
 * @param trainingMinutes the total so far
 */
public record TrainingProgress(String userId, long trainingMinutes) {
    public TrainingProgress {
        Objects.requireNonNull(userId, "userId");
        if (trainingMinutes < 0) {
            throw new IllegalArgumentException("trainingMinutes must not be negative");
        }
    }
}
