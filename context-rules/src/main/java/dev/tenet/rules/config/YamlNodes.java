package dev.tenet.rules.config;

import dev.tenet.rules.TenetInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML as SnakeYAML nodes so every error can name the line it is about; unknown keys are
 * errors, not ignored.
 */
public final class YamlNodes {
    private YamlNodes() {
    }

    /** Parses a YAML mapping; {@code firstLine} is the file line the text starts on. Empty text gives an empty mapping. */
    public static MappingNode parseMapping(String yaml, String file, int firstLine) {
        Node node;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            node = new Yaml(options).compose(new java.io.StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? firstLine : firstLine + e.getProblemMark().getLine();
            throw new TenetInputException(file, line, "invalid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new TenetInputException(file, firstLine, "invalid YAML: " + e.getMessage());
        }
        if (node == null) {
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new TenetInputException(file, line(node, firstLine), "expected a mapping of keys to values");
        }
        return mapping;
    }

    /** The fields of a mapping by key, refusing keys outside {@code known}. */
    public static Map<String, Node> fields(MappingNode mapping, String file, int firstLine, Set<String> known) {
        Map<String, Node> fields = new LinkedHashMap<>();
        if (mapping == null) {
            return fields;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), file, firstLine, "a key");
            if (!known.contains(key)) {
                throw new TenetInputException(file, line(tuple.getKeyNode(), firstLine),
                        "unknown key '" + key + "' (expected one of: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    public static String requiredString(Map<String, Node> fields, String key, Node parent, String file, int firstLine) {
        String value = optionalString(fields, key, file, firstLine);
        if (value == null || value.isBlank()) {
            throw new TenetInputException(file, line(parent, firstLine), "missing required key '" + key + "'");
        }
        return value;
    }

    public static String optionalString(Map<String, Node> fields, String key, String file, int firstLine) {
        Node node = fields.get(key);
        return node == null ? null : scalar(node, file, firstLine, "'" + key + "' to be a single value");
    }

    public static List<String> stringList(Map<String, Node> fields, String key, String file, int firstLine) {
        Node node = fields.get(key);
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node instanceof ScalarNode) {
            values.add(scalar(node, file, firstLine, "a string"));
            return values;
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw new TenetInputException(file, line(node, firstLine), "expected '" + key + "' to be a list of strings");
        }
        for (Node item : sequence.getValue()) {
            values.add(scalar(item, file, firstLine, "'" + key + "' items to be strings"));
        }
        return values;
    }

    public static MappingNode mapping(Node node, String key, String file, int firstLine) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new TenetInputException(file, line(node, firstLine), "expected '" + key + "' to be a mapping");
        }
        return mapping;
    }

    public static String scalar(Node node, String file, int firstLine, String expected) {
        if (!(node instanceof ScalarNode scalar)) {
            throw new TenetInputException(file, line(node, firstLine), "expected " + expected);
        }
        return scalar.getValue();
    }

    public static int line(Node node, int firstLine) {
        return node == null || node.getStartMark() == null ? firstLine : firstLine + node.getStartMark().getLine();
    }
}
