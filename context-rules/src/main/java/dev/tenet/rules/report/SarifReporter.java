package dev.tenet.rules.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.Step;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report as SARIF 2.1.0, the format GitHub code scanning uploads: one run, the rules its
 * results refer to, and one result per finding with a relative location and a stable fingerprint;
 * a finding found along calls also lists its steps as related locations and as code flows.
 */
public final class SarifReporter implements Reporter {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String VERSION = "2.1.0";
    public static final String TOOL_NAME = "Tenet";
    /** The base every artifact URI is relative to: the checked root. */
    public static final String SOURCE_ROOT = "%SRCROOT%";
    /** The key of the fingerprint in {@code partialFingerprints}; bump the version if fingerprints change. */
    public static final String FINGERPRINT_KEY = "tenet/v1";

    @Override
    public void write(Report report, Appendable out) throws IOException {
        Map<String, Integer> ruleIndex = new TreeMap<>();
        report.findings().forEach(f -> ruleIndex.put(f.ruleId(), 0));
        int next = 0;
        for (Map.Entry<String, Integer> rule : ruleIndex.entrySet()) {
            rule.setValue(next++);
        }

        ObjectNode document = JsonOutput.object();
        document.put("$schema", SCHEMA);
        document.put("version", VERSION);
        ObjectNode run = document.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL_NAME);
        driver.put("version", report.toolVersion());
        ArrayNode rules = driver.putArray("rules");
        for (String ruleId : ruleIndex.keySet()) {
            rules.add(SarifRules.descriptor(ruleId, report.rule(ruleId)));
        }
        if (!report.notices().isEmpty()) {
            ArrayNode notifications = run.putArray("invocations").addObject().put("executionSuccessful", true)
                    .putArray("toolExecutionNotifications");
            report.notices().forEach(notice -> notifications.addObject().put("level", "note").putObject("message").put("text", notice));
        }
        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            results.add(result(finding, ruleIndex.get(finding.ruleId())));
        }
        out.append(JsonOutput.print(document));
    }

    private static ObjectNode result(Finding finding, int ruleIndex) {
        ObjectNode result = JsonOutput.object();
        result.put("ruleId", finding.ruleId());
        result.put("ruleIndex", ruleIndex);
        result.put("level", SarifRules.level(finding.severity()));
        result.putObject("message").put("text", messageWithFix(finding));
        ObjectNode location = physicalLocation(finding.file(), finding.startLine(), finding.column());
        ((ObjectNode) location.get("region")).put("endLine", finding.endLine());
        result.putArray("locations").addObject().set("physicalLocation", location);
        if (!finding.steps().isEmpty()) {
            ArrayNode related = result.putArray("relatedLocations");
            int id = 0;
            for (Step step : finding.steps()) {
                related.add(stepLocation(step).put("id", id++));
            }
            ArrayNode codeFlows = result.putArray("codeFlows");
            codeFlow(codeFlows, finding.path(), "The path from where the problem shows to the effect");
            codeFlow(codeFlows, finding.related(), "The related path");
        }
        result.putObject("partialFingerprints").put(FINGERPRINT_KEY, finding.fingerprint());
        if (finding.isLlm()) {
            result.putObject("properties").put("tenet/origin", "llm");
        }
        return result;
    }

    /** One code flow of one thread flow, the steps in order; nothing for no steps. */
    private static void codeFlow(ArrayNode codeFlows, List<Step> steps, String message) {
        if (steps.isEmpty()) {
            return;
        }
        ObjectNode flow = codeFlows.addObject();
        flow.putObject("message").put("text", message);
        ArrayNode locations = flow.putArray("threadFlows").addObject().putArray("locations");
        for (Step step : steps) {
            locations.addObject().set("location", stepLocation(step));
        }
    }

    private static ObjectNode stepLocation(Step step) {
        ObjectNode location = JsonOutput.object();
        location.set("physicalLocation", physicalLocation(step.file(), step.line(), step.column()));
        location.putObject("message").put("text", step.label());
        return location;
    }

    private static ObjectNode physicalLocation(String file, int line, int column) {
        ObjectNode location = JsonOutput.object();
        ObjectNode artifact = location.putObject("artifactLocation");
        artifact.put("uri", relativeUri(file));
        artifact.put("uriBaseId", SOURCE_ROOT);
        ObjectNode region = location.putObject("region");
        region.put("startLine", line);
        if (column > 0) {
            region.put("startColumn", column);
        }
        return location;
    }

    static String messageWithFix(Finding finding) {
        String message = (finding.isLlm() ? "(" + finding.origin().label() + ") " : "") + finding.message().strip();
        if (finding.fixHint().isBlank()) {
            return message;
        }
        String end = message.matches(".*[.!?]$") ? " " : ". ";
        return message + end + "Fix: " + finding.fixHint().strip();
    }

    /** A relative URI reference for a relative path: forward slashes, reserved and non-ASCII characters escaped. */
    static String relativeUri(String path) {
        String normalized = path.replace('\\', '/');
        int slash = normalized.indexOf('/');
        String first = slash < 0 ? normalized : normalized.substring(0, slash);
        if (first.contains(":")) {
            normalized = "./" + normalized; // otherwise the first segment reads as a URI scheme
        }
        try {
            return new URI(null, null, normalized, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot express " + path + " as a relative URI", e);
        }
    }
}
