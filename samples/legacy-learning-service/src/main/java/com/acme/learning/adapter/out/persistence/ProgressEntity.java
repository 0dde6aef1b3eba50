package com.acme.learning.adapter.out.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The training_progress table. */
@Entity
@Table(name = "training_progress")
public class ProgressEntity {
    @Id
    private String userId;
    private long totalMinutes;

    protected ProgressEntity() {
    }

    public String getUserId() {
        return userId;
    }

    public long getTotalMinutes() {
        return totalMinutes;
    }
}
