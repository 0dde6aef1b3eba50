package com.example.learning.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a batch of contributions and the totals after it into one ProgressUpdated per contribution, in order. */
public final class RunningTotals {
    private RunningTotals() {
    }

    /** Sums the contributions per key, in the order keys first appear. */
    public static Map<String, Long> sumByKey(List<Contribution> contributions) {
        Map<String, Long> sums = new java.util.LinkedHashMap<>();
        for (Contribution c : contributions) {
            sums.merge(c.userId(), c.amount(), Long::sum);
        }
        return sums;
    }

    /**
     * The change events of a batch.
     *
     * @param contributions the batch, in consumption order
     * @param totalsAfter   each key's total after the whole batch was added
     * @return one event per contribution carrying the running total right after it
     */
    public static List<ProgressUpdated> changes(List<Contribution> contributions, Map<String, Long> totalsAfter) {
        Map<String, Long> sums = sumByKey(contributions);
        Map<String, Long> running = new HashMap<>();
        List<ProgressUpdated> changes = new ArrayList<>(contributions.size());
        for (Contribution c : contributions) {
            Long after = totalsAfter.get(c.userId());
            if (after == null) {
                throw new IllegalStateException("no total for " + c.userId());
            }
            long total = running.merge(c.userId(), c.amount(), Long::sum) + after - sums.get(c.userId());
            changes.add(new ProgressUpdated(ProgressUpdated.idFor(c.sourceTopic(), c.eventId()), c.userId(), total,
                    c.eventId(), c.sourceTopic()));
        }
        return changes;
    }
}
