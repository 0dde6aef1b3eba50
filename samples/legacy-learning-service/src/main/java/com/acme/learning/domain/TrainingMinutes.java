package com.acme.learning.domain;

/** Accumulated training minutes of one learner. */
public record TrainingMinutes(String userId, long minutes) {
    public TrainingMinutes {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes cannot be negative: " + minutes);
        }
    }

    public TrainingMinutes plus(long more) {
        return new TrainingMinutes(userId, minutes + more);
    }
}
