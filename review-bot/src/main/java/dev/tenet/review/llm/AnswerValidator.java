package dev.tenet.review.llm;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.finding.Fingerprints;
import dev.tenet.rules.model.Step;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the model's answers into findings, or drops them: an answer must cite a rule in force and a
 * changed line of the hunk's file, and must not repeat what a check already found there. A kept answer
 * gets a fingerprint made the engine's way (rule, file, and the enclosing method and text of the line
 * as anchor), so baselines and published comments treat it like any other finding.
 */
final class AnswerValidator {
    private static final int MESSAGE_LIMIT = 500;

    /** A finding, or the reason there is none. */
    record Outcome(Optional<Finding> finding, Optional<DropReason> dropped) {
        static Outcome kept(Finding finding) {
            return new Outcome(Optional.of(finding), Optional.empty());
        }

        static Outcome drop(DropReason reason) {
            return new Outcome(Optional.empty(), Optional.of(reason));
        }
    }

    private final RuleCatalog catalog;
    private final TenetConfig config;
    private final ChangeSet changes;
    private final List<Finding> deterministic;
    private final Severity maxSeverity;
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final Set<String> seen = new HashSet<>();

    AnswerValidator(RuleCatalog catalog, TenetConfig config, ChangeSet changes, List<Finding> deterministic, Severity maxSeverity) {
        this.catalog = catalog;
        this.config = config;
        this.changes = changes;
        this.deterministic = List.copyOf(deterministic);
        this.maxSeverity = maxSeverity;
    }

    Outcome check(ModelAnswer.Item item, Hunks.File file) {
        if (!item.complete()) {
            return Outcome.drop(DropReason.MALFORMED);
        }
        Optional<Rule> rule = catalog.find(item.ruleId());
        if (rule.isEmpty()) {
            return Outcome.drop(DropReason.UNKNOWN_RULE);
        }
        if (!config.isEnabled(rule.get().id())) {
            return Outcome.drop(DropReason.RULE_OFF);
        }
        int line = item.line();
        if (line < 1 || line > file.lines().size() || !changes.touches(file.path(), line, line)) {
            return Outcome.drop(DropReason.NOT_CHANGED);
        }
        String anchor = anchor(file, line);
        String key = rule.get().id() + "\u0000" + file.path() + "\u0000" + anchor;
        String fingerprint = Fingerprints.of(rule.get().id(), file.path(), "llm\u0000" + anchor, occurrences.getOrDefault(key, 0));
        if (repeatsCheck(rule.get().id(), file.path(), line, fingerprint)) {
            return Outcome.drop(DropReason.REPEATS_CHECK);
        }
        if (!seen.add(rule.get().id() + "\u0000" + file.path() + "\u0000" + line)) {
            return Outcome.drop(DropReason.DUPLICATE);
        }
        occurrences.merge(key, 1, Integer::sum);
        return Outcome.kept(new Finding(rule.get().id(), severity(rule.get()), file.path(), line, line, clean(item.message()),
                item.suggestion() == null ? "" : clean(item.suggestion()), fingerprint, 0, List.of(), List.of(), Finding.Origin.LLM));
    }

    private boolean repeatsCheck(String ruleId, String path, int line, String fingerprint) {
        for (Finding finding : deterministic) {
            if (!finding.ruleId().equals(ruleId)) {
                continue;
            }
            boolean sameLine = finding.file().equals(path) && finding.startLine() <= line && line <= finding.endLine();
            boolean onStep = finding.steps().stream().anyMatch(step -> atLine(step, path, line));
            if (sameLine || onStep || finding.fingerprint().equals(fingerprint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean atLine(Step step, String path, int line) {
        return step.file().equals(path) && step.line() == line;
    }

    private Severity severity(Rule rule) {
        Severity own = config.severityOf(rule.id()).orElse(rule.severity());
        return own.isAtLeast(maxSeverity) ? maxSeverity : own;
    }

    /** The method around the line and the line's text: survives edits elsewhere in the file. */
    private static String anchor(Hunks.File file, int line) {
        String method = EnclosingMethod.around(file.methods(), line).map(EnclosingMethod::signature).orElse("");
        return method + "\u0000" + file.lines().get(line - 1).strip().replaceAll("\\s+", " ");
    }

    /** The model's text on one line, of a bounded length. */
    private static String clean(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MESSAGE_LIMIT ? line : line.substring(0, MESSAGE_LIMIT) + "...";
    }
}
