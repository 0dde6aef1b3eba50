package com.example.learning.application;

import com.example.learning.domain.TrainingProgress;
import com.example.learning.domain.port.TrainingProgressStore;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Reads one key's TrainingProgress. */
@Service
public class GetTrainingProgress {
    private final TrainingProgressStore store;

    public GetTrainingProgress(TrainingProgressStore store) {
        this.store = store;
    }

    /** The key's total, if it has one. */
    public Optional<TrainingProgress> find(String userId) {
        return store.find(userId);
    }
}
