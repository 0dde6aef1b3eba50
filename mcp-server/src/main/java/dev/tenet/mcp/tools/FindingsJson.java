package dev.tenet.mcp.tools;

import dev.tenet.mcp.resources.RuleResources;
import dev.tenet.mcp.schema.Schema;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of findings in a tool result, and the output schema that describes it (shared by every
 * tool that reports findings): one entry per group of like findings, and each rule once, with its fix.
 */
final class FindingsJson {
    /** Lines listed per entry; {@code count} still counts them all. */
    static final int MAX_LINES = 100;

    private FindingsJson() {
    }

    /** One entry: the group's first finding, with the lines of its members (the first {@link #MAX_LINES}). */
    static Map<String, Object> entry(FindingGroup group) {
        Finding finding = group.first();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ruleId", finding.ruleId());
        json.put("severity", finding.severity().label());
        json.put("file", finding.file());
        json.put("startLine", finding.startLine());
        json.put("endLine", finding.endLine());
        json.put("column", finding.column());
        json.put("message", finding.message());
        json.put("count", group.members().size());
        json.put("lines", group.lines().stream().limit(MAX_LINES).toList());
        json.put("path", steps(finding.path()));
        json.put("related", steps(finding.related()));
        return json;
    }

    /** One rule that has findings: what it says, how many, how to fix them, where to read it. */
    static Map<String, Object> rule(String id, Severity severity, long count, Optional<Rule> rule, String fix) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("severity", severity.label());
        json.put("summary", rule.map(Rule::summary).orElse(""));
        json.put("count", (int) count);
        json.put("fix", fix);
        json.put("uri", RuleResources.uri(id));
        return json;
    }

    private static List<Map<String, Object>> steps(List<Step> steps) {
        return steps.stream().map(step -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", step.file());
            json.put("line", step.line());
            json.put("column", step.column());
            json.put("label", step.label());
            return json;
        }).toList();
    }

    /** The output schema of a findings result. */
    static Map<String, Object> outputSchema() {
        return outputSchemaWith(Schema.object()).build();
    }

    /** The properties of a findings result added to {@code schema}, for a tool whose result adds its own. */
    static Schema outputSchemaWith(Schema schema) {
        Map<String, Object> integer = Schema.type("integer", null);
        Map<String, Object> step = Schema.object().string("file", null, true).property("line", integer, true)
                .property("column", integer, true).string("label", null, true).build();
        Map<String, Object> entry = Schema.object()
                .string("ruleId", null, true)
                .string("severity", null, true)
                .string("file", null, true)
                .property("startLine", integer, true)
                .property("endLine", integer, true)
                .property("column", integer, true)
                .string("message", null, true)
                .property("count", integer, true)
                .array("lines", integer, true)
                .array("path", step, true)
                .array("related", step, true)
                .build();
        Map<String, Object> rule = Schema.object()
                .string("id", null, true)
                .string("severity", null, true)
                .string("summary", null, true)
                .property("count", integer, true)
                .string("fix", null, true)
                .string("uri", null, true)
                .build();
        Map<String, Object> bySeverity = Schema.object().property("error", integer, true).property("warning", integer, true)
                .property("info", integer, true).build();
        return schema
                .array("findings", entry, true)
                .array("rules", rule, true)
                .property("total", integer, true)
                .property("shown", integer, true)
                .property("more", integer, true)
                .property("bySeverity", bySeverity, true)
                .property("filesChecked", integer, true)
                .property("baselined", integer, true);
    }
}
