package dev.tenet.review.github;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.review.change.FileChange;
import dev.tenet.review.change.LineRanges;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.RuleBody;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.finding.Finding;
import java.util.Optional;

/**
 * One inline review comment: a finding anchored to the changed lines of its file (a line range
 * when it spans lines, clamped to the diff hunk), citing the rule, why it matters and the fix.
 *
 * @param finding   the finding
 * @param startLine first line of the comment (equal to {@code line} for a single-line comment)
 * @param line      last line of the comment, on the new version (side RIGHT)
 * @param body      the Markdown body, ending with the finding's hidden marker
 */
public record InlineComment(Finding finding, int startLine, int line, String body) {
    /** How a finding of the LLM review pass is marked wherever GitHub shows it. */
    public static final String LLM_LABEL = "\uD83E\uDD16 **LLM finding**";

    public boolean isMultiLine() {
        return startLine < line;
    }

    /** The comment for a finding, or empty when it touches no changed line (it then goes to the summary). */
    public static Optional<InlineComment> of(Finding finding, ChangeSet changes, RuleCatalog catalog) {
        Optional<FileChange> file = changes.file(finding.file());
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Optional<LineRanges.Range> changed = file.get().changed().firstOverlapping(finding.startLine(), finding.endLine());
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        LineRanges.Range hunk = file.get().commentable().firstOverlapping(changed.get().start(), changed.get().end())
                .orElse(changed.get());
        int start = Math.max(finding.startLine(), hunk.start());
        int end = Math.min(finding.endLine(), hunk.end());
        return Optional.of(new InlineComment(finding, start, end, body(finding, catalog)));
    }

    static String body(Finding finding, RuleCatalog catalog) {
        StringBuilder body = new StringBuilder();
        body.append(icon(finding.severity())).append(" **").append(finding.severity().label()).append("** ")
                .append(finding.isLlm() ? LLM_LABEL + " " : "").append('`')
                .append(finding.ruleId()).append("`: ").append(finding.message()).append("\n\n");
        whySentence(finding, catalog).ifPresent(why -> body.append("**Why:** ").append(why).append("\n\n"));
        if (!finding.fixHint().isBlank()) {
            body.append("**Fix:** ").append(finding.fixHint()).append("\n\n");
        }
        body.append("<sub>`tenet rules show ").append(finding.ruleId()).append("` has the rule with examples.</sub>\n");
        body.append(Markers.finding(finding.fingerprint()));
        return body.toString();
    }

    static String icon(Severity severity) {
        return switch (severity) {
            case ERROR -> "\u274C";
            case WARNING -> "\u26A0\uFE0F";
            case INFO -> "\u2139\uFE0F";
        };
    }

    /** The first sentence of the rule's Why section, as plain text on one line. */
    static Optional<String> whySentence(Finding finding, RuleCatalog catalog) {
        return catalog.find(finding.ruleId()).flatMap(rule -> rule.body().section(RuleBody.WHY)).map(why -> {
            String paragraph = why.strip().split("\n\\s*\n", 2)[0].replaceAll("\\s+", " ");
            int end = paragraph.indexOf(". ");
            return end < 0 ? paragraph : paragraph.substring(0, end + 1);
        }).filter(s -> !s.isBlank());
    }
}
