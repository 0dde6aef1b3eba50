package dev.tenet.cli;

import dev.tenet.rules.TenetInputException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags that describe one consumer without a spec file, shared by {@code tenet new} and {@code tenet add consumer}. */
final class ConsumerFlags {
    @Option(names = "--topic", paramLabel = "TOPIC", description = "Without --spec: the consumed topic.")
    String topic;

    @Option(names = "--event", paramLabel = "CLASS", description = "Without --spec: the consumed event's class name.")
    String event;

    @Option(names = "--amount", paramLabel = "FIELD", description = "Without --spec: the event field added to the total.")
    String amount;

    @Option(names = "--field", paramLabel = "NAME:TYPE",
            description = "Without --spec, repeatable: an event field (string, int, long, boolean, decimal, instant).")
    List<String> fields = new ArrayList<>();

    /** The consumer flags that are missing, by option name ({@code --field NAME:TYPE...} when no field is given). */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        String[][] required = {{"--topic", topic}, {"--event", event}, {"--amount", amount}};
        for (String[] option : required) {
            if (option[1] == null) {
                missing.add(option[0]);
            }
        }
        if (fields.isEmpty()) {
            missing.add("--field NAME:TYPE...");
        }
        return missing;
    }

    /**
     * Writes the consumer as a YAML mapping whose first key continues the current line.
     *
     * @param indent the indentation of the mapping's other keys
     * @param id     the event id field, or {@code null} to leave it to the spec's default
     */
    void appendYaml(StringBuilder yaml, String indent, String key, String id) {
        yaml.append("topic: ").append(yamlString(topic)).append('\n')
                .append(indent).append("event: ").append(yamlString(event)).append('\n')
                .append(indent).append("key: ").append(yamlString(key)).append('\n');
        if (id != null) {
            yaml.append(indent).append("id: ").append(yamlString(id)).append('\n');
        }
        yaml.append(indent).append("amount: ").append(yamlString(amount)).append('\n')
                .append(indent).append("fields:\n");
        for (String field : fields) {
            String[] parts = field.split(":", 2);
            if (parts.length != 2) {
                throw new TenetInputException("--field '" + field + "' is not NAME:TYPE");
            }
            yaml.append(indent).append("  ").append(yamlString(parts[0].strip())).append(": ")
                    .append(yamlString(parts[1].strip())).append('\n');
        }
    }

    /** A double-quoted YAML scalar. */
    static String yamlString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
