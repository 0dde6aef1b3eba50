package dev.tenet.rules.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.rules.Severity;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.Step;
import java.io.IOException;
import java.util.List;

/**
 * The report as JSON for scripts: {@code tool}, {@code summary} and {@code findings}, with fields
 * always in the same order; each finding has its {@code column} (0 when not known) and the steps of its
 * {@code path} and {@code related} locations (empty for a finding at one place); a finding of the LLM review
 * pass also has {@code "origin": "llm"}.
 */
public final class JsonReporter implements Reporter {
    public static final String TOOL_NAME = "tenet";

    @Override
    public void write(Report report, Appendable out) throws IOException {
        ObjectNode document = JsonOutput.object();
        ObjectNode tool = document.putObject("tool");
        tool.put("name", TOOL_NAME);
        tool.put("version", report.toolVersion());
        document.set("summary", summary(report));
        ArrayNode findings = document.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.add(finding(finding));
        }
        out.append(JsonOutput.print(document));
    }

    private static ObjectNode summary(Report report) {
        ObjectNode summary = JsonOutput.object();
        summary.put("root", report.root());
        summary.put("filesChecked", report.filesChecked());
        summary.put("filesWithFindings", report.filesWithFindings());
        summary.put("findings", report.findings().size());
        ObjectNode bySeverity = summary.putObject("bySeverity");
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.label(), report.count(severity));
        }
        summary.put("baselined", report.baselined());
        if (report.calls() >= 0) {
            ObjectNode calls = summary.putObject("calls");
            calls.put("total", report.calls());
            calls.put("unresolved", report.unresolvedCalls());
            calls.put("note", "calls whose receiver's type could not be told from imports and the codebase's own types; "
                    + "they count as having no effect");
        }
        if (!report.notices().isEmpty()) {
            ArrayNode notices = summary.putArray("notices");
            report.notices().forEach(notices::add);
        }
        return summary;
    }

    private static ObjectNode finding(Finding finding) {
        ObjectNode node = JsonOutput.object();
        node.put("ruleId", finding.ruleId());
        node.put("severity", finding.severity().label());
        node.put("file", finding.file());
        node.put("startLine", finding.startLine());
        node.put("endLine", finding.endLine());
        node.put("column", finding.column());
        node.put("message", finding.message());
        node.put("fixHint", finding.fixHint());
        node.put("fingerprint", finding.fingerprint());
        node.set("path", steps(finding.path()));
        node.set("related", steps(finding.related()));
        if (finding.isLlm()) {
            node.put("origin", "llm");
        }
        return node;
    }

    private static ArrayNode steps(List<Step> steps) {
        ArrayNode array = JsonOutput.object().arrayNode();
        for (Step step : steps) {
            ObjectNode node = array.addObject();
            node.put("file", step.file());
            node.put("line", step.line());
            node.put("column", step.column());
            node.put("label", step.label());
        }
        return array;
    }
}
