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
    private FindingsJson() {
    }

    /** One entry: the group's first finding, with the lines of all its members. */
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
        json.put("lines", group.lines());
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
        Map<String, Object> step = Schema.object()
                .string("file", "relative to the workspace", true)
                .property("line", Schema.type("integer", null), true)
                .property("column", Schema.type("integer", "1-based; 0 when not known"), true)
                .string("label", "what happens there", true)
                .build();
        Map<String, Object> entry = Schema.object()
                .string("ruleId", null, true)
                .enumeration("severity", null, List.of("error", "warning", "info"), true)
                .string("file", "relative to the workspace", true)
                .property("startLine", Schema.type("integer", "of the first finding of the entry"), true)
                .property("endLine", Schema.type("integer", null), true)
                .property("column", Schema.type("integer", "1-based; 0 when not known"), true)
                .string("message", "of the first finding; the others differ only in the names they quote", true)
                .property("count", Schema.type("integer", "findings in this entry: one rule, one file, one message shape"), true)
                .array("lines", Schema.type("integer", null), true)
                .array("path", step, true)
                .array("related", step, true)
                .build();
        Map<String, Object> rule = Schema.object()
                .string("id", null, true)
                .enumeration("severity", null, List.of("error", "warning", "info"), true)
                .string("summary", null, true)
                .property("count", Schema.type("integer", "findings of this rule, shown or not"), true)
                .string("fix", "how to fix every finding of this rule", true)
                .string("uri", "the rule's resource: why, examples, how to fix", true)
                .build();
        Map<String, Object> severities = Schema.object()
                .property("error", Schema.type("integer", null), true)
                .property("warning", Schema.type("integer", null), true)
                .property("info", Schema.type("integer", null), true)
                .build();
        return schema
                .array("findings", entry, true)
                .array("rules", rule, true)
                .property("total", Schema.type("integer", "findings that pass minSeverity and rules"), true)
                .property("shown", Schema.type("integer", "findings in the entries listed"), true)
                .property("more", Schema.type("integer", "findings not listed (total - shown): narrow with minSeverity, rules or limit"), true)
                .property("bySeverity", describe(severities, "every finding in what was checked, before minSeverity and rules"), true)
                .property("filesChecked", Schema.type("integer", null), true)
                .property("baselined", Schema.type("integer", "findings accepted by .tenet/baseline.json"), true);
    }

    private static Map<String, Object> describe(Map<String, Object> schema, String description) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("type", schema.get("type"));
        described.put("description", description);
        schema.forEach(described::putIfAbsent);
        return described;
    }
}
