package dev.tenet.review.github;

import dev.tenet.review.ReviewResult;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.engine.BuildInfo;
import dev.tenet.rules.finding.Finding;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one summary comment of a pull request, edited in place on every run: counts by rule and
 * severity, new against baselined, what was not commented inline or not reviewed, and why.
 */
final class SummaryComment {
    /** A finding that is not an inline comment, and why. */
    record Left(Finding finding, String reason) {
    }

    /** What the inline-comment step did. */
    record Inline(int posted, int alreadyThere, int resolved) {
    }

    private record RuleCount(String ruleId, Severity severity) {
    }

    private SummaryComment() {
    }

    static String render(ReviewResult result, String headSha, String scope, Severity failLevel, Inline inline,
                         List<Left> left, List<String> failures) {
        StringBuilder out = new StringBuilder(Markers.SUMMARY).append("\n## Tenet review\n\n");
        List<Finding> findings = result.findings();
        String level = failLevel == null ? "never" : failLevel.label();
        if (result.failsAt(failLevel)) {
            out.append("\u274C **Changes requested**: ");
        } else if (!result.demoted().isEmpty() && failLevel != null && findings.stream().anyMatch(f -> f.severity().isAtLeast(failLevel))) {
            out.append("\u26A0\uFE0F **Not blocking (demoted rules)**: ");
        } else if (!findings.isEmpty()) {
            out.append("\u26A0\uFE0F **Findings below the fail level**: ");
        } else {
            out.append("\u2705 **No new findings**: ");
        }
        out.append(findings.size()).append(" new finding(s) in ").append(result.changes().size())
                .append(" changed file(s) at `").append(headSha, 0, Math.min(7, headSha.length())).append("`; ")
                .append(result.baselined()).append(" baselined (accepted in `.tenet/baseline.json`). Scope: ")
                .append(scope).append("; fails at: ").append(level).append(".\n\n");
        if (!findings.isEmpty()) {
            counts(result, out);
        }
        out.append("\nInline comments: ").append(inline.posted()).append(" posted by this run, ").append(inline.alreadyThere())
                .append(" already on the pull request, ").append(inline.resolved()).append(" resolved because the finding is gone.\n");
        if (!left.isEmpty()) {
            out.append("\n### Not commented inline\n\n");
            for (Left item : left) {
                Finding f = item.finding();
                out.append("- `").append(f.file()).append(':').append(f.startLine()).append("` **").append(f.severity().label())
                        .append("** ").append(f.isLlm() ? InlineComment.LLM_LABEL + ": " : "").append(f.message()).append(" (`").append(f.ruleId()).append("`): ").append(item.reason()).append('\n');
            }
        }
        if (!result.demoted().isEmpty()) {
            out.append("\n### Demoted rules (not blocking)\n\n");
            result.demoted().forEach((rule, note) -> out.append("- `").append(rule).append("` ").append(note).append('\n'));
        }
        if (!result.llmPass().isEmpty()) {
            out.append("\n### LLM review pass\n\n");
            long llm = findings.stream().filter(Finding::isLlm).count();
            if (llm > 0) {
                out.append(llm).append(" of the new findings come from the model (marked ").append(InlineComment.LLM_LABEL)
                        .append("); every one cites a rule and a changed line.\n\n");
            }
            result.llmPass().forEach(line -> out.append("- ").append(line).append('\n'));
        }
        if (!result.notReviewed().isEmpty()) {
            out.append("\n### Not reviewed\n\n");
            result.notReviewed().forEach(note -> out.append("- ").append(note).append('\n'));
        }
        if (!failures.isEmpty()) {
            out.append("\n### Not published\n\n");
            failures.forEach(failure -> out.append("- ").append(failure).append('\n'));
        }
        out.append("\n<sub>Tenet ").append(BuildInfo.version()).append(" \u00B7 this comment is updated on every run.</sub>\n");
        return out.toString();
    }

    private static void counts(ReviewResult result, StringBuilder out) {
        Map<RuleCount, Integer> counts = new TreeMap<>(Comparator.comparing(RuleCount::severity).thenComparing(RuleCount::ruleId));
        result.findings().forEach(f -> counts.merge(new RuleCount(f.ruleId(), f.severity()), 1, Integer::sum));
        out.append("| Rule | Severity | New |\n| --- | --- | ---: |\n");
        counts.forEach((key, count) -> out.append("| `").append(key.ruleId()).append("` ")
                .append(result.catalog().find(key.ruleId()).map(Rule::summary).orElse(""))
                .append(" | ").append(key.severity().label()).append(" | ").append(count).append(" |\n"));
    }
}
