package com.example.learning.domain.port;

import com.example.learning.domain.TrainingProgress;
import java.util.Map;
import java.util.Optional;

/** Where TrainingProgress totals live. */
public interface TrainingProgressStore {
    /**
     * Adds amounts to the totals of their keys, creating missing keys at zero.
     *
     * @param amountsByKey amount to add per key
     * @return every given key's total after the addition
     */
    Map<String, Long> add(Map<String, Long> amountsByKey);

    Optional<TrainingProgress> find(String userId);
}
