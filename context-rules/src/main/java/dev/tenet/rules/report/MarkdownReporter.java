package dev.tenet.rules.report;

import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.Step;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report as GitHub-flavoured Markdown for a pull-request comment or a CI job summary: a title,
 * the counts by rule and severity, then the findings of each file with their fixes and, for a finding
 * found along calls, the steps of its path.
 */
public final class MarkdownReporter implements Reporter {

    /** One row of the counts table. */
    private record RuleCount(String ruleId, Severity severity) {
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        out.append("## Tenet report for ").append(MarkdownText.code(report.root())).append("\n\n");
        for (String notice : report.notices()) {
            out.append("> **Note:** ").append(MarkdownText.inline(notice)).append("\n\n");
        }
        if (report.isEmpty()) {
            String summary = report.summary();
            out.append("All clear: ").append(summary.substring(0, 1).toLowerCase(Locale.ROOT))
                    .append(summary.substring(1)).append('\n');
            return;
        }
        out.append(report.summary()).append("\n\n");
        writeCounts(report, out);
        for (Map.Entry<String, List<Finding>> file : report.byFile().entrySet()) {
            out.append("\n### ").append(MarkdownText.code(file.getKey())).append("\n\n");
            for (Finding finding : file.getValue()) {
                writeFinding(finding, out);
            }
        }
    }

    private static void writeCounts(Report report, Appendable out) throws IOException {
        Map<RuleCount, Integer> counts = new TreeMap<>(Comparator.comparing(RuleCount::severity)
                .thenComparing(RuleCount::ruleId));
        for (Finding finding : report.findings()) {
            counts.merge(new RuleCount(finding.ruleId(), finding.severity()), 1, Integer::sum);
        }
        out.append("| Rule | Severity | Findings |\n| --- | --- | ---: |\n");
        for (Map.Entry<RuleCount, Integer> row : counts.entrySet()) {
            String ruleId = row.getKey().ruleId();
            String summary = report.rule(ruleId).map(Rule::summary).map(s -> " " + MarkdownText.inline(s)).orElse("");
            out.append("| ").append(MarkdownText.code(ruleId)).append(summary)
                    .append(" | ").append(row.getKey().severity().label())
                    .append(" | ").append(String.valueOf(row.getValue())).append(" |\n");
        }
    }

    private static void writeFinding(Finding finding, Appendable out) throws IOException {
        out.append("- ").append(MarkdownText.code(finding.position()))
                .append(" **").append(finding.severity().label()).append("** ")
                .append(finding.isLlm() ? "_(" + finding.origin().label() + ")_ " : "")
                .append(MarkdownText.inline(finding.message()))
                .append(" (").append(MarkdownText.code(finding.ruleId())).append(")\n");
        if (!finding.fixHint().isBlank()) {
            out.append("  - Fix: ").append(MarkdownText.inline(finding.fixHint())).append('\n');
        }
        writeSteps("Path", finding.path(), out);
        writeSteps("Related", finding.related(), out);
    }

    private static void writeSteps(String title, List<Step> steps, Appendable out) throws IOException {
        if (steps.isEmpty()) {
            return;
        }
        out.append("  - ").append(title).append(":\n");
        int number = 1;
        for (Step step : steps) {
            out.append("    ").append(String.valueOf(number++)).append(". ").append(MarkdownText.code(step.position()))
                    .append(' ').append(MarkdownText.inline(step.label())).append('\n');
        }
    }
}
