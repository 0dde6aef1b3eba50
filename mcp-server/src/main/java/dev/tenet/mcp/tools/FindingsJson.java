package dev.tenet.mcp.tools;

import dev.tenet.mcp.schema.Schema;
import dev.tenet.rules.finding.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Findings as structured tool output, and the output schema that describes them (shared by every tool that reports findings). */
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
        json.put("message", finding.message());
        json.put("fix", finding.fixHint());
        return json;
    }

    /** The output schema of {@link #result}. */
    public static Map<String, Object> outputSchema() {
        return outputSchemaWith(Schema.object()).build();
    }

    /** The properties of {@link #result} added to {@code schema}, for a tool whose result adds its own. */
    public static Schema outputSchemaWith(Schema schema) {
        Map<String, Object> finding = Schema.object()
                .string("ruleId", null, true)
                .enumeration("severity", null, List.of("error", "warning", "info"), true)
                .string("file", "relative to the workspace", true)
                .property("startLine", Schema.type("integer", null), true)
                .property("endLine", Schema.type("integer", null), true)
                .string("message", null, true)
                .string("fix", null, true)
                .build();
        return schema
                .array("findings", finding, true)
                .property("filesChecked", Schema.type("integer", null), true)
                .property("baselined", Schema.type("integer", "findings accepted by .tenet/baseline.json"), true);
    }
}
