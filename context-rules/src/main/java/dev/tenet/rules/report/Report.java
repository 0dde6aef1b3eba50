package dev.tenet.rules.report;

import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.engine.BuildInfo;
import dev.tenet.rules.finding.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a reporter renders: the findings of one run and what it needs to describe them.
 *
 * @param findings     the findings to show (after suppressions and the baseline), sorted by file, line and rule
 * @param catalog      the rules in force, for rule metadata
 * @param root         display name of the checked root (a path as the user typed it, or a repository name)
 * @param filesChecked number of files checked
 * @param baselined    number of findings hidden because the baseline lists them
 * @param toolVersion  the Tenet version that produced the report
 * @param calls        call chains in the checked code ({@code -1} when not counted)
 * @param unresolvedCalls of those, the ones whose receiver's type Tenet could not tell: they have no effect
 * @param notices      what the run could not do, said once each (e.g. layering rules not run: layers not configured)
 */
public record Report(List<Finding> findings, RuleCatalog catalog, String root, int filesChecked, int baselined,
                     String toolVersion, int calls, int unresolvedCalls, List<String> notices) {

    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::startLine).thenComparing(Finding::ruleId).thenComparing(Finding::message);

    public Report {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(toolVersion, "toolVersion");
        if (filesChecked < 0 || baselined < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + filesChecked + " files, " + baselined + " baselined");
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        findings = List.copyOf(sorted);
        notices = List.copyOf(notices);
    }

    public Report(List<Finding> findings, RuleCatalog catalog, String root, int filesChecked, int baselined, String toolVersion) {
        this(findings, catalog, root, filesChecked, baselined, toolVersion, -1, -1, List.of());
    }

    /** This report with the run's notices. */
    public Report withNotices(List<String> runNotices) {
        return new Report(findings, catalog, root, filesChecked, baselined, toolVersion, calls, unresolvedCalls, runNotices);
    }

    /** A report stamped with this build's version. */
    public static Report of(List<Finding> findings, RuleCatalog catalog, String root, int filesChecked, int baselined) {
        return new Report(findings, catalog, root, filesChecked, baselined, BuildInfo.version());
    }

    /** This report with the engine's count of calls and of calls it could not resolve. */
    public Report withCallCoverage(int callCount, int unresolved) {
        return new Report(findings, catalog, root, filesChecked, baselined, toolVersion, callCount, unresolved, notices);
    }

    public boolean isEmpty() {
        return findings.isEmpty();
    }

    public int count(Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** The findings grouped by file, files in path order. */
    public Map<String, List<Finding>> byFile() {
        Map<String, List<Finding>> files = new TreeMap<>();
        for (Finding finding : findings) {
            files.computeIfAbsent(finding.file(), file -> new ArrayList<>()).add(finding);
        }
        return files;
    }

    public int filesWithFindings() {
        return (int) findings.stream().map(Finding::file).distinct().count();
    }

    public Optional<Rule> rule(String ruleId) {
        return catalog.find(ruleId);
    }

    /**
     * One line for people, e.g. {@code 3 findings (1 error, 2 warnings) in 2 of 40 files; 5 baselined}
     * or {@code No findings in 40 files.}
     */
    public String summary() {
        String baselinedNote = baselined == 0 ? "" : "; " + baselined + " baselined";
        if (findings.isEmpty()) {
            return (baselined == 0 ? "No findings" : "No new findings") + " in " + plural(filesChecked, "file")
                    + baselinedNote + ".";
        }
        List<String> bySeverity = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            int count = count(severity);
            if (count > 0) {
                bySeverity.add(severity == Severity.INFO ? count + " info" : plural(count, severity.label()));
            }
        }
        return plural(findings.size(), "finding") + " (" + String.join(", ", bySeverity) + ") in "
                + filesWithFindings() + " of " + plural(filesChecked, "file") + baselinedNote;
    }

    static String plural(int count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
