package com.example.learning.application;

import com.example.learning.domain.Contribution;
import com.example.learning.domain.RunningTotals;
import com.example.learning.domain.port.TrainingProgressStore;
import com.example.learning.domain.port.ProgressUpdatedOutbox;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Adds contributions to their TrainingProgress and appends one ProgressUpdated per contribution to the outbox, in the caller's transaction. */
@Service
public class TrainingProgressAccumulator {
    private final TrainingProgressStore store;
    private final ProgressUpdatedOutbox outbox;

    public TrainingProgressAccumulator(TrainingProgressStore store, ProgressUpdatedOutbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** Must run inside the transaction that also records the events as processed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void accumulate(List<Contribution> contributions) {
        if (contributions.isEmpty()) {
            return;
        }
        Map<String, Long> totals = store.add(RunningTotals.sumByKey(contributions));
        outbox.append(RunningTotals.changes(contributions, totals));
    }
}
