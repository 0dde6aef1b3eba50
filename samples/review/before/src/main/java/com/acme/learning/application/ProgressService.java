package com.acme.learning.application;

import com.acme.learning.domain.TrainingProgress;

/** Adds watched minutes to a learner's progress. */
public class ProgressService {
    public TrainingProgress record(TrainingProgress progress, long minutes) {
        return progress.add(minutes);
    }
}
