package dev.tenet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tenet rules list}: one line per rule, or JSON. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules in force.")
final class RulesListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "Repository whose .tenet/rules are added. Default: current directory.")
    Path repository;

    @Option(names = "--category", paramLabel = "NAME", description = "Only rules of this category.")
    String category;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: text.")
    String format;

    @Override
    public Integer call() throws Exception {
        List<Rule> rules = RuleCatalog.forRepository(repository).all().stream()
                .filter(r -> category == null || r.category().equals(category))
                .sorted(Comparator.comparing(Rule::category).thenComparing(Rule::id)).toList();
        var out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> {
                List<Map<String, Object>> json = rules.stream().map(RulesListCommand::toJson).toList();
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            }
            case "text" -> {
                int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
                for (Rule rule : rules) {
                    out.printf("%-" + width + "s  %-7s  %-8s %s%n", rule.id(), rule.severity().label(),
                            rule.hasCheck() ? "checked" : "guidance", rule.summary());
                }
                long checked = rules.stream().filter(Rule::hasCheck).count();
                out.printf("%d rules (%d checked by Tenet, %d guidance for people and assistants)%n", rules.size(), checked,
                        rules.size() - checked);
            }
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Unknown --format '" + format + "' (expected text or json)");
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> toJson(Rule rule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rule.id());
        json.put("summary", rule.summary());
        json.put("severity", rule.severity().label());
        json.put("category", rule.category());
        json.put("tags", rule.tags());
        json.put("check", rule.check().orElse(null));
        json.put("source", rule.source());
        return json;
    }
}
