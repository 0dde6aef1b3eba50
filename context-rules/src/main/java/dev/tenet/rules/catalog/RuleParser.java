package dev.tenet.rules.catalog;

import dev.tenet.rules.Severity;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.config.YamlNodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Parses one rule file: YAML front matter between {@code ---} lines, then the Markdown body. */
public final class RuleParser {
    private static final Set<String> KNOWN_KEYS =
            Set.of("id", "summary", "severity", "category", "tags", "globs", "check", "since");
    private static final int FRONT_MATTER_LINE = 2;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    private RuleParser() {
    }

    /**
     * @param text   the whole file
     * @param file   the name used in error messages
     * @param source where the rule came from ({@code builtin:...} or a path)
     */
    public static Rule parse(String text, String file, String source) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new TenetInputException(file, 1, "expected front matter starting with a '---' line");
        }
        int end = normalized.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new TenetInputException(file, 1, "front matter is not closed by a '---' line");
        }
        String yaml = normalized.substring(4, end + 1);
        String body = normalized.substring(end + 5);
        int bodyFirstLine = (int) normalized.substring(0, end + 5).chars().filter(c -> c == '\n').count() + 1;

        MappingNode root = YamlNodes.parseMapping(yaml, file, FRONT_MATTER_LINE);
        Map<String, Node> fields = YamlNodes.fields(root, file, FRONT_MATTER_LINE, KNOWN_KEYS);

        String id = YamlNodes.requiredString(fields, "id", root, file, FRONT_MATTER_LINE);
        if (!ID.matcher(id).matches()) {
            throw new TenetInputException(file, YamlNodes.line(fields.get("id"), FRONT_MATTER_LINE),
                    "rule id '" + id + "' must be dotted lower-case words, e.g. pipeline.outbox-dual-write");
        }
        String summary = YamlNodes.requiredString(fields, "summary", root, file, FRONT_MATTER_LINE);
        Severity severity;
        try {
            severity = Severity.parse(YamlNodes.requiredString(fields, "severity", root, file, FRONT_MATTER_LINE));
        } catch (IllegalArgumentException e) {
            throw new TenetInputException(file, YamlNodes.line(fields.get("severity"), FRONT_MATTER_LINE), e.getMessage());
        }
        String category = YamlNodes.requiredString(fields, "category", root, file, FRONT_MATTER_LINE);
        List<String> tags = YamlNodes.stringList(fields, "tags", file, FRONT_MATTER_LINE);
        List<String> globs = fields.containsKey("globs") ? YamlNodes.stringList(fields, "globs", file, FRONT_MATTER_LINE)
                : List.of("**/*.java");
        Optional<String> check = Optional.ofNullable(YamlNodes.optionalString(fields, "check", file, FRONT_MATTER_LINE));
        String since = YamlNodes.requiredString(fields, "since", root, file, FRONT_MATTER_LINE);

        RuleBody ruleBody = RuleBody.parse(body);
        for (String section : RuleBody.REQUIRED_SECTIONS) {
            if (ruleBody.section(section).isEmpty()) {
                throw new TenetInputException(file, bodyFirstLine,
                        "rule body has no '## " + section + "' section (expected: " + String.join(", ", RuleBody.REQUIRED_SECTIONS) + ")");
            }
        }
        return new Rule(id, summary, severity, category, tags, globs, check, since, ruleBody, source);
    }
}
