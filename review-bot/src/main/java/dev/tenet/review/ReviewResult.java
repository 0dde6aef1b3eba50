package dev.tenet.review;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.finding.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a review found.
 *
 * @param findings     new findings (not baselined, not suppressed) within the scope, sorted by file and line
 * @param baselined    findings within the scope that the baseline accepts
 * @param outOfScope   findings the engine reported outside the scope (not shown)
 * @param filesChecked Java files the engine checked (the changed ones and their context)
 * @param changes      the change that was reviewed
 * @param catalog      the rules in force
 * @param notReviewed  what was not reviewed and why, one sentence each
 * @param demoted      rules whose findings do not block (demoted by their ratings), each with the note the summary shows
 * @param llmPass      what the LLM review pass did (spend, dropped answers, skipped hunks), one sentence each;
 *                     empty when it did not run
 */
public record ReviewResult(List<Finding> findings, int baselined, int outOfScope, int filesChecked, ChangeSet changes,
                           RuleCatalog catalog, List<String> notReviewed, Map<String, String> demoted, List<String> llmPass) {

    public ReviewResult {
        findings = List.copyOf(findings);
        notReviewed = List.copyOf(notReviewed);
        demoted = Collections.unmodifiableMap(new TreeMap<>(demoted));
        llmPass = List.copyOf(llmPass);
    }

    public ReviewResult(List<Finding> findings, int baselined, int outOfScope, int filesChecked, ChangeSet changes,
                        RuleCatalog catalog, List<String> notReviewed) {
        this(findings, baselined, outOfScope, filesChecked, changes, catalog, notReviewed, Map.of(), List.of());
    }

    /** True when a finding of a rule that is not demoted is at or above {@code threshold} ({@code null} means never). */
    public boolean failsAt(Severity threshold) {
        return threshold != null && findings.stream().anyMatch(f -> f.severity().isAtLeast(threshold) && !demoted.containsKey(f.ruleId()));
    }

    public ReviewResult withNotReviewed(List<String> more) {
        List<String> all = new ArrayList<>(notReviewed);
        all.addAll(more);
        return new ReviewResult(findings, baselined, outOfScope, filesChecked, changes, catalog, all, demoted, llmPass);
    }

    /** The same result with these rules' findings no longer blocking (rule id to the note the summary shows). */
    public ReviewResult withDemoted(Map<String, String> rules) {
        return new ReviewResult(findings, baselined, outOfScope, filesChecked, changes, catalog, notReviewed, rules, llmPass);
    }

    /** This result with the LLM pass's new findings (kept in file and line order), the ones its baseline accepted, and its account. */
    public ReviewResult withLlmPass(List<Finding> added, int addedBaselined, List<String> account) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(added);
        all.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::startLine).thenComparingInt(Finding::column)
                .thenComparing(Finding::ruleId));
        return new ReviewResult(all, baselined + addedBaselined, outOfScope, filesChecked, changes, catalog, notReviewed, demoted, account);
    }
}
