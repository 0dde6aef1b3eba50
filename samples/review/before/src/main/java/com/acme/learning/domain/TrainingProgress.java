package com.acme.learning.domain;

/** Minutes of training a learner has accumulated. */
public record TrainingProgress(String userId, long minutes) {
    public TrainingProgress add(long more) {
        return new TrainingProgress(userId, minutes + more);
    }
}
