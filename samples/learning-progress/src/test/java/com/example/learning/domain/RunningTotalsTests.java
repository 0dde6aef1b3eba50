package com.example.learning.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunningTotalsTests {

    @Test
    void eachContributionCarriesTheRunningTotalOfItsKey() {
        List<Contribution> batch = List.of(
                new Contribution("e1", "t", "a", 10),
                new Contribution("e2", "t", "b", 1),
                new Contribution("e3", "t", "a", 5));

        List<ProgressUpdated> changes = RunningTotals.changes(batch, Map.of("a", 115L, "b", 1L));

        assertThat(changes).extracting(ProgressUpdated::trainingMinutes).containsExactly(110L, 1L, 115L);
        assertThat(changes).extracting(ProgressUpdated::sourceEventId).containsExactly("e1", "e2", "e3");
    }

    @Test
    void theIdOfAChangeIsStableForItsSourceEvent() {
        assertThat(ProgressUpdated.idFor("t", "e1")).isEqualTo(ProgressUpdated.idFor("t", "e1"))
                .isNotEqualTo(ProgressUpdated.idFor("t", "e2"));
    }
}
