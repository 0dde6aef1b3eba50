package dev.tenet.review.feedback;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * How a rule's review comments were rated in its current window: every rating since a maintainer
 * last re-enabled it (all ratings when it never was). At {@value #MIN_RATINGS} ratings or more, of
 * which at least 10 % say "not useful", the rule is demoted: its findings stop blocking.
 *
 * @param ruleId      the rule
 * @param ratings     ratings in the window
 * @param notUseful   of which not useful
 * @param reenabledAt when a maintainer last re-enabled the rule (the window's start), if ever
 */
public record RuleHealth(String ruleId, int ratings, int notUseful, Optional<Instant> reenabledAt) {
    public static final int MIN_RATINGS = 20;
    /** Demoted at or above this share of not-useful ratings, in percent. */
    public static final int MAX_NOT_USEFUL_PERCENT = 10;

    /** The share of not-useful ratings, 0 without ratings. */
    public double notUsefulRate() {
        return ratings == 0 ? 0 : (double) notUseful / ratings;
    }

    public boolean demoted() {
        return ratings >= MIN_RATINGS && notUseful * 100L >= (long) MAX_NOT_USEFUL_PERCENT * ratings;
    }

    /** The percentage as shown, e.g. {@code 12 %}. */
    public String percent() {
        return String.format(Locale.ROOT, "%.0f %%", notUsefulRate() * 100);
    }

    /** The sentence a review summary shows for a demoted rule. */
    public String demotionNote() {
        return "demoted: " + percent() + " not useful over " + ratings + " ratings \u2014 a maintainer can re-enable it with `"
                + reenableCommand(ruleId) + "`";
    }

    public static String reenableCommand(String ruleId) {
        return "tenet stats --reenable " + ruleId;
    }
}
