package dev.tenet.mcp.tools;

import dev.tenet.mcp.workspace.WorkspaceException;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.finding.Finding;
import java.util.List;
import java.util.Locale;

/**
 * Which findings a caller asked to see: at least {@code minSeverity}, and, when {@code rules} is
 * given, only rules whose id is one of them or starts with one of them as a prefix
 * ({@code pipeline} or {@code pipeline.*} for the category, {@code resilience.http*}).
 */
record FindingFilter(Severity minSeverity, List<String> rules) {
    static final Severity DEFAULT_SEVERITY = Severity.INFO;

    /** Reads {@code minSeverity} and {@code rules}; a rule pattern that names no rule in {@code catalog} is refused. */
    static FindingFilter of(Arguments args, RuleCatalog catalog) {
        Severity severity = args.string("minSeverity").map(Severity::parse).orElse(DEFAULT_SEVERITY);
        List<String> patterns = args.strings("rules").stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        for (String pattern : patterns) {
            if (catalog.all().stream().map(Rule::id).noneMatch(id -> matches(pattern, id))) {
                throw new WorkspaceException("'rules' names '" + pattern + "', which is no rule id or prefix of one "
                        + "(ids look like pipeline.outbox-dual-write; a category such as 'pipeline' selects its rules; see tenet://rules)");
            }
        }
        return new FindingFilter(severity, patterns);
    }

    boolean test(Finding finding) {
        return finding.severity().isAtLeast(minSeverity)
                && (rules.isEmpty() || rules.stream().anyMatch(p -> matches(p, finding.ruleId())));
    }

    boolean narrows() {
        return minSeverity != DEFAULT_SEVERITY || !rules.isEmpty();
    }

    private static boolean matches(String pattern, String id) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String ruleId = id.toLowerCase(Locale.ROOT);
        if (p.endsWith("*")) {
            return ruleId.startsWith(p.substring(0, p.length() - 1));
        }
        return ruleId.equals(p) || ruleId.startsWith(p.endsWith(".") ? p : p + ".");
    }
}
