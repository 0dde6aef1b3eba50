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

    /**
     * Where the check run is (linked when the comment must leave findings out; {@code null} when there is none) and notes on
     * how the review was published.
     */
    record Publishing(String checkRunUrl, List<String> notes) {
    }

    private record RuleCount(String ruleId, Severity severity) {
    }

    /** GitHub refuses (422) a comment body longer than this many characters. */
    static final int MAX_LENGTH = 65_536;

    private SummaryComment() {
    }

    /**
     * The comment, at most {@link #MAX_LENGTH} characters: when the lists would make it longer, they end with
     * "…and N more" and a link to the check run, which carries every finding.
     */
    static String render(ReviewResult result, String headSha, String scope, Severity failLevel, Inline inline,
                         List<Left> left, List<String> failures, Publishing publishing) {
        String full = render(result, headSha, scope, failLevel, inline, left, failures, publishing, left.size(), result.notReviewed().size());
        if (full.length() <= MAX_LENGTH) {
            return full;
        }
        // Findings first: the unreviewed files' list gets what room they leave.
        int leftShown = largestFitting(left.size(),
                n -> render(result, headSha, scope, failLevel, inline, left, failures, publishing, n, 0).length());
        int notReviewed = largestFitting(result.notReviewed().size(),
                n -> render(result, headSha, scope, failLevel, inline, left, failures, publishing, leftShown, n).length());
        String bounded = render(result, headSha, scope, failLevel, inline, left, failures, publishing, leftShown, notReviewed);
        return bounded.length() <= MAX_LENGTH ? bounded : bounded.substring(0, MAX_LENGTH - 2) + "\u2026\n";
    }

    /** The most items (0..all) whose rendering still fits, found by bisection since the length grows with the items shown. */
    private static int largestFitting(int all, java.util.function.IntUnaryOperator length) {
        int low = 0;
        int high = all;
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (length.applyAsInt(mid) <= MAX_LENGTH) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static String render(ReviewResult result, String headSha, String scope, Severity failLevel, Inline inline,
                                 List<Left> left, List<String> failures, Publishing publishing, int leftShown, int notReviewedShown) {
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
            for (Left item : left.subList(0, leftShown)) {
                Finding f = item.finding();
                out.append("- `").append(f.file()).append(':').append(f.startLine()).append("` **").append(f.severity().label())
                        .append("** ").append(f.isLlm() ? InlineComment.LLM_LABEL + ": " : "").append(f.message()).append(" (`").append(f.ruleId()).append("`): ").append(item.reason()).append('\n');
            }
            if (leftShown < left.size()) {
                out.append("- \u2026and ").append(left.size() - leftShown).append(" more, too many for one comment");
                if (publishing.checkRunUrl() != null) {
                    out.append(": the [check run](").append(publishing.checkRunUrl()).append(") lists every finding");
                }
                out.append(".\n");
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
            result.notReviewed().subList(0, notReviewedShown).forEach(note -> out.append("- ").append(note).append('\n'));
            if (notReviewedShown < result.notReviewed().size()) {
                out.append("- \u2026and ").append(result.notReviewed().size() - notReviewedShown).append(" more.\n");
            }
        }
        if (!publishing.notes().isEmpty()) {
            out.append('\n');
            publishing.notes().forEach(note -> out.append("> ").append(note).append('\n'));
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
