package dev.tenet.mcp.tools;

import dev.tenet.mcp.schema.Schema;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.Step;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings as structured tool output, and the output schema that describes them (shared by every
 * tool that reports findings). A finding found along calls lists the steps of its path (from where
 * it shows to the effect) and its related steps.
 */
public final class FindingsJson {
    private FindingsJson() {
    }

    /** The structured result: the findings, how many files were checked and how many findings the baseline accepted. */
    public static Map<String, Object> result(List<Finding> findings, int filesChecked, int baselined) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("findings", findings.stream().map(FindingsJson::finding).toList());
        result.put("filesChecked", filesChecked);
        result.put("baselined", baselined);
        return result;
    }

    static Map<String, Object> finding(Finding finding) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ruleId", finding.ruleId());
        json.put("severity", finding.severity().label());
        json.put("file", finding.file());
        json.put("startLine", finding.startLine());
        json.put("endLine", finding.endLine());
        json.put("column", finding.column());
        json.put("message", finding.message());
        json.put("fix", finding.fixHint());
        json.put("path", steps(finding.path()));
        json.put("related", steps(finding.related()));
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

    /** The output schema of {@link #result}. */
    public static Map<String, Object> outputSchema() {
        return outputSchemaWith(Schema.object()).build();
    }

    /** The properties of {@link #result} added to {@code schema}, for a tool whose result adds its own. */
    public static Schema outputSchemaWith(Schema schema) {
        Map<String, Object> step = Schema.object()
                .string("file", "relative to the workspace", true)
                .property("line", Schema.type("integer", null), true)
                .property("column", Schema.type("integer", "1-based; 0 when not known"), true)
                .string("label", "what happens there", true)
                .build();
        Map<String, Object> finding = Schema.object()
                .string("ruleId", null, true)
                .enumeration("severity", null, List.of("error", "warning", "info"), true)
                .string("file", "relative to the workspace", true)
                .property("startLine", Schema.type("integer", null), true)
                .property("endLine", Schema.type("integer", null), true)
                .property("column", Schema.type("integer", "1-based; 0 when not known"), true)
                .string("message", null, true)
                .string("fix", null, true)
                .array("path", step, true)
                .array("related", step, true)
                .build();
        return schema
                .array("findings", finding, true)
                .property("filesChecked", Schema.type("integer", null), true)
                .property("baselined", Schema.type("integer", "findings accepted by .tenet/baseline.json"), true);
    }
}
