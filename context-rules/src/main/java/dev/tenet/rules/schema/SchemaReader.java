package dev.tenet.rules.schema;

import dev.tenet.rules.TenetInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a committed JSON Schema into its top-level properties, keeping each one's line (JSON is read
 * as YAML, whose parser keeps positions). Malformed JSON is an error naming the file and line; a
 * schema without top-level {@code properties} describes no event fields and has an empty shape.
 */
public final class SchemaReader {
    private SchemaReader() {
    }

    /**
     * @param path relative path of the file, matching {@link SchemaFiles#isSchema}
     * @param file the file on disk
     */
    public static EventSchema read(String path, Path file) {
        try {
            return read(path, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TenetInputException(path, 0, "cannot read the schema: " + e.getMessage());
        }
    }

    /**
     * @param path relative path of the file, matching {@link SchemaFiles#isSchema}
     * @param text its content
     */
    public static EventSchema read(String path, String text) {
        Matcher where = SchemaFiles.match(path);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new TenetInputException(path, line, "not valid JSON: " + e.getProblem());
        } catch (YAMLException e) {
            throw new TenetInputException(path, 1, "not valid JSON: " + e.getMessage());
        }
        String subject = where.group(1);
        int version = Integer.parseInt(where.group(2));
        if (!(root instanceof MappingNode schema)) {
            return new EventSchema(path, subject, version, "", EventShape.of(List.of()), 1);
        }
        String javaType = scalar(schema, "javaType").orElse("");
        Optional<NodeTuple> properties = entry(schema, "properties");
        if (properties.isEmpty() || !(properties.get().getValueNode() instanceof MappingNode fields)) {
            return new EventSchema(path, subject, version, javaType, EventShape.of(List.of()), line(schema));
        }
        Set<String> required = new HashSet<>(strings(schema, "required"));
        List<FieldShape> shape = new ArrayList<>();
        for (NodeTuple field : fields.getValue()) {
            if (field.getKeyNode() instanceof ScalarNode name && field.getValueNode() instanceof MappingNode definition) {
                shape.add(new FieldShape(name.getValue(), type(definition), required.contains(name.getValue()),
                        entry(definition, "enum").isPresent() ? strings(definition, "enum") : null, line(name)));
            }
        }
        return new EventSchema(path, subject, version, javaType, EventShape.of(shape), line(properties.get().getKeyNode()));
    }

    /** The property's type; of {@code ["string", "null"]} the one that is not null. */
    private static String type(MappingNode definition) {
        Optional<NodeTuple> type = entry(definition, "type");
        if (type.isEmpty()) {
            return entry(definition, "enum").isPresent() ? "string" : null;
        }
        if (type.get().getValueNode() instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        List<String> types = strings(definition, "type").stream().filter(t -> !t.equals("null")).toList();
        return types.size() == 1 ? types.get(0) : null;
    }

    private static Optional<NodeTuple> entry(MappingNode mapping, String key) {
        return mapping.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)).findFirst();
    }

    private static Optional<String> scalar(MappingNode mapping, String key) {
        return entry(mapping, key).map(NodeTuple::getValueNode).filter(ScalarNode.class::isInstance).map(n -> ((ScalarNode) n).getValue());
    }

    private static List<String> strings(MappingNode mapping, String key) {
        return entry(mapping, key).map(NodeTuple::getValueNode).filter(SequenceNode.class::isInstance)
                .map(n -> ((SequenceNode) n).getValue().stream().filter(ScalarNode.class::isInstance)
                        .map(v -> ((ScalarNode) v).getValue()).toList())
                .orElse(List.of());
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
    }
}
