package dev.tenet.rules.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report as SARIF 2.1.0, the format GitHub code scanning uploads: one run, the rules its
 * results refer to, and one result per finding with a relative location and a stable fingerprint.
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
        ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = location.putObject("artifactLocation");
        artifact.put("uri", relativeUri(finding.file()));
        artifact.put("uriBaseId", SOURCE_ROOT);
        ObjectNode region = location.putObject("region");
        region.put("startLine", finding.startLine());
        region.put("endLine", finding.endLine());
        result.putObject("partialFingerprints").put(FINGERPRINT_KEY, finding.fingerprint());
        return result;
    }

    static String messageWithFix(Finding finding) {
        String message = finding.message().strip();
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
