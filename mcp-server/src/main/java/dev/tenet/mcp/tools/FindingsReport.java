package dev.tenet.mcp.tools;

import dev.tenet.mcp.Json;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.finding.Finding;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Findings as a tool result sized for an assistant's context: filtered by severity and rule,
 * grouped, each rule's fix said once, at most {@code limit} entries and never more than
 * {@link #BUDGET_BYTES} of structured JSON plus text; what is left out is counted as "more".
 */
final class FindingsReport {
    /** Default number of entries. */
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 200;
    /**
     * Structured JSON plus text, in bytes: about 10k tokens, well under the 25k-token cap Claude Code
     * puts on a tool's output, so a result never gets refused.
     */
    static final int BUDGET_BYTES = 40_000;

    private final List<Finding> found;
    private final FindingFilter filter;
    private final int limit;
    private final RuleCatalog catalog;

    FindingsReport(List<Finding> found, FindingFilter filter, int limit, RuleCatalog catalog) {
        this.found = found;
        this.filter = filter;
        this.limit = Math.max(1, Math.min(limit, MAX_LIMIT));
        this.catalog = catalog;
    }

    /** The result; {@code extra} adds a tool's own fields (review_changes: {@code compared}, {@code changedFiles}). */
    McpSchema.CallToolResult result(int filesChecked, int baselined, Consumer<Map<String, Object>> extra) {
        List<Finding> matched = found.stream().filter(filter::test).toList();
        List<FindingGroup> groups = FindingGroup.of(matched);
        int shownGroups = Math.min(limit, groups.size());
        while (true) {
            List<FindingGroup> shown = groups.subList(0, shownGroups);
            Map<String, Object> json = json(matched, shown, filesChecked, baselined);
            extra.accept(json);
            String text = FindingsText.render(json, shown, filter.narrows());
            int bytes = Json.write(json).getBytes(StandardCharsets.UTF_8).length + text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes <= BUDGET_BYTES || shownGroups <= 1) {
                return McpSchema.CallToolResult.builder().structuredContent(json).addTextContent(text).isError(false).build();
            }
            shownGroups = shownGroups * 3 / 4;
        }
    }

    private Map<String, Object> json(List<Finding> matched, List<FindingGroup> shown, int filesChecked, int baselined) {
        int shownFindings = shown.stream().mapToInt(g -> g.members().size()).sum();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("findings", shown.stream().map(FindingsJson::entry).toList());
        json.put("rules", rules(matched));
        json.put("total", matched.size());
        json.put("shown", shownFindings);
        json.put("more", matched.size() - shownFindings);
        Map<String, Object> bySeverity = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.label(), (int) found.stream().filter(f -> f.severity() == severity).count());
        }
        json.put("bySeverity", bySeverity);
        json.put("filesChecked", filesChecked);
        json.put("baselined", baselined);
        return json;
    }

    /** Each rule with matched findings once, most severe and most frequent first, with the fix of its first finding. */
    private List<Map<String, Object>> rules(List<Finding> matched) {
        Map<String, List<Finding>> byRule = matched.stream().collect(Collectors.groupingBy(Finding::ruleId, LinkedHashMap::new, Collectors.toList()));
        List<List<Finding>> ordered = new ArrayList<>(byRule.values());
        ordered.sort((a, b) -> a.get(0).severity() != b.get(0).severity() ? a.get(0).severity().compareTo(b.get(0).severity())
                : a.size() != b.size() ? Integer.compare(b.size(), a.size()) : a.get(0).ruleId().compareTo(b.get(0).ruleId()));
        return ordered.stream().map(findings -> {
            Finding first = findings.get(0);
            String fix = findings.stream().map(Finding::fixHint).filter(h -> !h.isBlank()).findFirst().orElse("");
            return FindingsJson.rule(first.ruleId(), first.severity(), findings.size(), catalog.find(first.ruleId()), fix);
        }).toList();
    }
}
