package dev.tenet.rules.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleBody;
import java.util.Locale;
import java.util.Optional;

/** SARIF {@code reportingDescriptor} objects made from catalog rules. */
final class SarifRules {

    private SarifRules() {
    }

    /** The descriptor of a rule; a finding whose rule is not in the catalog still gets one with its id. */
    static ObjectNode descriptor(String ruleId, Optional<Rule> rule) {
        ObjectNode descriptor = JsonOutput.object();
        descriptor.put("id", ruleId);
        descriptor.put("name", pascalCase(ruleId));
        if (rule.isEmpty()) {
            descriptor.putObject("shortDescription").put("text", ruleId);
            return descriptor;
        }
        Rule known = rule.get();
        descriptor.putObject("shortDescription").put("text", known.summary());
        String why = known.body().section(RuleBody.WHY).filter(s -> !s.isBlank()).orElse(known.summary());
        descriptor.set("fullDescription", multiformat(why));
        known.body().section(RuleBody.HOW_TO_FIX).filter(s -> !s.isBlank())
                .ifPresent(fix -> descriptor.set("help", multiformat(fix)));
        descriptor.putObject("defaultConfiguration").put("level", level(known.severity()));
        ObjectNode properties = descriptor.putObject("properties");
        known.tags().forEach(properties.putArray("tags")::add);
        properties.put("category", known.category());
        return descriptor;
    }

    /** SARIF's level for a severity: {@code error}, {@code warning} or {@code note}. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** {@code layering.domain-no-framework} becomes {@code LayeringDomainNoFramework}, as SARIF suggests for names. */
    static String pascalCase(String ruleId) {
        StringBuilder name = new StringBuilder();
        for (String part : ruleId.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static ObjectNode multiformat(String markdown) {
        ObjectNode message = JsonOutput.object();
        message.put("text", unwrap(markdown));
        message.put("markdown", markdown);
        return message;
    }

    /** Joins hard-wrapped lines into paragraphs for plain-text viewers; code blocks keep their lines. */
    static String unwrap(String markdown) {
        if (markdown.contains("```")) {
            return markdown;
        }
        return markdown.replaceAll("(?<!\\n)\\n(?![\\n\\-*+]|\\d+\\.)", " ");
    }
}
