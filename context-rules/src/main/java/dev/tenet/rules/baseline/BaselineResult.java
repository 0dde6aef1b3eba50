package dev.tenet.rules.baseline;

import dev.tenet.rules.finding.Finding;
import java.util.List;

/**
 * What is left of a run's findings once the baseline has taken out the accepted ones.
 *
 * @param newFindings the findings the baseline does not list, in their original order
 * @param baselined   how many findings the baseline hid
 * @param fixed       how many baseline entries no finding matched any more (they drop out when the baseline is next written)
 */
public record BaselineResult(List<Finding> newFindings, int baselined, int fixed) {

    public BaselineResult {
        newFindings = List.copyOf(newFindings);
    }
}
