package dev.tenet.cli;

import dev.tenet.review.feedback.RatingStore;
import dev.tenet.review.feedback.RatingStoreException;
import dev.tenet.review.feedback.RuleHealth;
import dev.tenet.rules.TenetInputException;
import java.io.PrintWriter;
import java.time.Instant;

/** {@code tenet stats --reenable RULE}: a maintainer overrides a demotion, recorded in the ratings database. */
final class RuleReenabling {
    private final RatingStore store;
    private final PrintWriter out;

    RuleReenabling(RatingStore store, PrintWriter out) {
        this.store = store;
        this.out = out;
    }

    int reenable(String ruleId) {
        try {
            RuleHealth health = store.health(ruleId);
            if (health.ratings() == 0 && health.reenabledAt().isEmpty()) {
                throw new TenetInputException("--reenable " + ruleId + ": no ratings recorded for this rule in " + store.database().describe()
                        + " (see 'tenet stats')");
            }
            if (!health.demoted()) {
                out.println("Rule " + ruleId + " is not demoted (" + health.percent() + " not useful over " + health.ratings()
                        + " ratings): nothing to re-enable.");
                return ExitCodes.OK;
            }
            store.reenable(ruleId, System.getProperty("user.name", "unknown"), Instant.now());
            out.println("Re-enabled " + ruleId + " (was " + health.percent() + " not useful over " + health.ratings()
                    + " ratings): its findings block again. Ratings count afresh from now; it is demoted again only when the new ones reach "
                    + RuleHealth.MAX_NOT_USEFUL_PERCENT + " % not useful over at least " + RuleHealth.MIN_RATINGS + ".");
            return ExitCodes.OK;
        } catch (RatingStoreException e) {
            throw new TenetInputException(e.getMessage());
        }
    }
}
