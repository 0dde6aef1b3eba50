package dev.tenet.mcp.tools;

import dev.tenet.rules.finding.Finding;
import java.util.List;
import java.util.Map;

/**
 * The text content of a findings result: a short summary for a person or a client that ignores
 * structured content, not a copy of it. Counts by severity, one line per entry
 * ({@code path:line rule — message}), each rule's fix once, and how many more there are.
 */
final class FindingsText {
    private static final int LINES_SHOWN = 8;

    private FindingsText() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> json, List<FindingGroup> shown, boolean filtered) {
        StringBuilder text = new StringBuilder();
        if (json.containsKey("compared")) {
            text.append("Compared ").append(json.get("compared")).append(" (").append(count((int) json.get("changedFiles"), "changed file"))
                    .append("). ");
        }
        int total = (int) json.get("total");
        Map<String, Object> bySeverity = (Map<String, Object>) json.get("bySeverity");
        text.append(total == 0 ? "No findings" : count(total, "finding"))
                .append(filtered ? " matching minSeverity/rules" : "")
                .append(" in ").append(count((int) json.get("filesChecked"), "file")).append(" checked")
                .append(" (all findings: ").append(bySeverity.get("error")).append(" error, ").append(bySeverity.get("warning"))
                .append(" warning, ").append(bySeverity.get("info")).append(" info");
        int baselined = (int) json.get("baselined");
        text.append(baselined > 0 ? "; " + baselined + " accepted by the baseline)" : ")").append(".\n");
        for (FindingGroup group : shown) {
            Finding first = group.first();
            text.append(first.file()).append(':').append(first.startLine()).append(' ').append(first.ruleId())
                    .append(" (").append(first.severity().label()).append(") — ").append(first.message());
            if (group.members().size() > 1) {
                text.append(" [").append(group.members().size()).append(" like it, lines ").append(lines(group.lines())).append(']');
            }
            text.append('\n');
        }
        List<Map<String, Object>> rules = (List<Map<String, Object>>) json.get("rules");
        if (!rules.isEmpty()) {
            text.append("How to fix, per rule:\n");
            for (Map<String, Object> rule : rules) {
                text.append("- ").append(rule.get("id")).append(" (").append(rule.get("count")).append("): ").append(rule.get("fix"))
                        .append(" See ").append(rule.get("uri")).append('\n');
            }
        }
        int more = (int) json.get("more");
        if (more > 0) {
            text.append(more).append(" more — narrow with minSeverity/rules/limit.\n");
        }
        return text.toString();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String lines(List<Integer> lines) {
        String shown = String.join(", ", lines.stream().limit(LINES_SHOWN).map(String::valueOf).toList());
        return lines.size() > LINES_SHOWN ? shown + ", … (" + lines.size() + " lines)" : shown;
    }
}
