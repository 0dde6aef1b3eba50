package dev.tenet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.review.feedback.RuleHealth;
import java.util.List;
import java.util.Locale;

/** The review-ratings part of {@code tenet stats}: per rule, its ratings, not-useful count and rate, and whether it is demoted. */
final class RatingsTable {
    private RatingsTable() {
    }

    static String text(List<RuleHealth> rules, String database) {
        if (rules.isEmpty()) {
            return "No review ratings yet (" + database + "): 'tenet review --publish github' records the thumbs up/down and"
                    + " \"not useful\" replies on its comments, and fixes of its findings.\n";
        }
        int width = Math.max("rule".length(), rules.stream().mapToInt(rule -> rule.ruleId().length()).max().orElse(0));
        String line = "%-" + width + "s  %7s  %10s  %6s  %s%n";
        StringBuilder text = new StringBuilder("Review ratings (" + database + "):\n");
        text.append(String.format(Locale.ROOT, line, "rule", "ratings", "not useful", "rate", "status"));
        for (RuleHealth rule : rules) {
            text.append(String.format(Locale.ROOT, line, rule.ruleId(), rule.ratings(), rule.notUseful(), rule.percent().replace(" ", ""),
                    status(rule)));
        }
        if (rules.stream().anyMatch(RuleHealth::demoted)) {
            text.append(String.format(Locale.ROOT, "%nDemoted rules do not block (%d %% or more not useful over at least %d ratings);"
                    + " re-enable one with '%s'.%n", RuleHealth.MAX_NOT_USEFUL_PERCENT, RuleHealth.MIN_RATINGS, RuleHealth.reenableCommand("RULE")));
        }
        return text.toString();
    }

    private static String status(RuleHealth rule) {
        if (rule.demoted()) {
            return "demoted";
        }
        return rule.reenabledAt().map(at -> "re-enabled " + at.toString().substring(0, 10) + ", counting afresh").orElse("active");
    }

    static void json(List<RuleHealth> rules, ArrayNode array) {
        for (RuleHealth rule : rules) {
            ObjectNode node = array.addObject().put("rule", rule.ruleId()).put("ratings", rule.ratings()).put("notUseful", rule.notUseful())
                    .put("notUsefulRate", Math.round(rule.notUsefulRate() * 1000) / 1000.0).put("demoted", rule.demoted());
            rule.reenabledAt().ifPresentOrElse(at -> node.put("reenabledAt", at.toString()), () -> node.putNull("reenabledAt"));
        }
    }
}
