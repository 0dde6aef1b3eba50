package dev.tenet.rules.engine;

import dev.tenet.rules.Severity;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.config.TenetConfig;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.finding.Fingerprints;
import dev.tenet.rules.model.FileModel;
import dev.tenet.rules.model.Hit;
import dev.tenet.rules.model.Suppression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns hits into findings: the rule bound to the check, the configured severity, in-code
 * suppressions, parse errors, and a fingerprint made of rule, file and anchor (no line numbers).
 */
final class FindingFactory {
    static final String PARSE_ERROR_RULE = "tenet.parse-error";

    private final RuleCatalog catalog;
    private final TenetConfig config;
    private final Map<String, FileModel> filesByPath = new HashMap<>();
    private final Map<String, Rule> rulesByCheck = new HashMap<>();

    FindingFactory(RuleCatalog catalog, TenetConfig config, List<FileModel> files) {
        this.catalog = catalog;
        this.config = config;
        for (Rule rule : catalog.all()) {
            rule.check().ifPresent(check -> rulesByCheck.putIfAbsent(check, rule));
        }
        for (FileModel file : files) {
            filesByPath.put(file.path(), file);
        }
        validateConfigRules();
        validateSuppressions(files);
    }

    boolean isEnabled(String checkId) {
        Rule rule = rulesByCheck.get(checkId);
        return rule != null && config.isEnabled(rule.id());
    }

    List<Finding> findings(List<Hit> hits) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (FileModel file : filesByPath.values()) {
            if (!file.parsed() && config.isEnabled(PARSE_ERROR_RULE)) {
                Severity severity = severityOf(PARSE_ERROR_RULE, Severity.ERROR);
                findings.add(new Finding(PARSE_ERROR_RULE, severity, file.path(), file.parseErrorLine(), file.parseErrorLine(),
                        "No rule could check this file: " + file.parseError(),
                        "Make the file parse as Java (or exclude it in .tenet/config.yml if it is generated); "
                                + "the rest of the run went on without it.",
                        fingerprint(PARSE_ERROR_RULE, file.path(), "parse-error", 0)));
            }
        }
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparing(Hit::file).thenComparingInt(Hit::startLine).thenComparingInt(Hit::column)
                .thenComparing(Hit::checkId));
        for (Hit hit : sorted) {
            Rule rule = rulesByCheck.get(hit.checkId());
            if (rule == null || !config.isEnabled(rule.id()) || suppressed(rule.id(), hit)) {
                continue;
            }
            String key = rule.id() + "\u0000" + hit.file() + "\u0000" + hit.anchor();
            int occurrence = occurrences.merge(key, 1, Integer::sum) - 1;
            findings.add(new Finding(rule.id(), severityOf(rule.id(), rule.severity()), hit.file(), hit.startLine(),
                    Math.max(hit.startLine(), hit.endLine()), hit.message(), hit.fixHint(),
                    fingerprint(rule.id(), hit.file(), hit.anchor(), occurrence), hit.column(), hit.path(), hit.related()));
        }
        findings.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::startLine).thenComparing(Finding::ruleId));
        return findings;
    }

    private Severity severityOf(String ruleId, Severity fallback) {
        return config.severityOf(ruleId).orElse(fallback);
    }

    private boolean suppressed(String ruleId, Hit hit) {
        FileModel file = filesByPath.get(hit.file());
        if (file == null) {
            return false;
        }
        for (Suppression suppression : file.suppressions()) {
            if (suppression.covers(ruleId, hit.startLine())) {
                return true;
            }
        }
        return aboveTheEnclosingMethod(file, ruleId, hit.startLine());
    }

    /**
     * A {@code // tenet:ignore} comment right above a method (before its annotations, or between them and the name)
     * covers the method's findings of that rule: findings start at the call inside the body where the problem shows,
     * while a suppression written for the method naturally sits on top of it.
     */
    private static boolean aboveTheEnclosingMethod(FileModel file, String ruleId, int line) {
        for (dev.tenet.rules.model.TypeModel type : file.types()) {
            for (dev.tenet.rules.model.MethodModel method : type.methods()) {
                if (line < method.startLine() || line > method.endLine()) {
                    continue;
                }
                int top = method.annotations().stream().mapToInt(a -> a.line()).min().orElse(method.startLine());
                for (Suppression suppression : file.suppressions()) {
                    boolean comment = suppression.startLine() == suppression.line();
                    if (comment && suppression.covers(ruleId, suppression.line()) && suppression.line() >= top - 1
                            && suppression.line() <= method.startLine()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void validateConfigRules() {
        for (String ruleId : config.ruleSettings().keySet()) {
            if (!catalog.contains(ruleId)) {
                throw new TenetInputException(config.file(), config.ruleSettingLines().getOrDefault(ruleId, 0),
                        "unknown rule id '" + ruleId + "' (see 'tenet rules list')");
            }
        }
    }

    private void validateSuppressions(List<FileModel> files) {
        for (FileModel file : files) {
            for (Suppression suppression : file.suppressions()) {
                if (!suppression.ruleId().equals("all") && !catalog.contains(suppression.ruleId())) {
                    throw new TenetInputException(file.path(), suppression.line(),
                            "suppression names unknown rule id '" + suppression.ruleId() + "' (see 'tenet rules list')");
                }
            }
        }
    }

    static String fingerprint(String ruleId, String file, String anchor, int occurrence) {
        return Fingerprints.of(ruleId, file, anchor, occurrence);
    }
}
