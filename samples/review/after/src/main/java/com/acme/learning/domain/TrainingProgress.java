package com.acme.learning.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Minutes of training a learner has accumulated. */
@Entity
public class TrainingProgress {
    @Id
    private String userId;
    private long minutes;

    public TrainingProgress add(long more) {
        minutes += more;
        return this;
    }
}
