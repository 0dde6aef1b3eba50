package dev.tenet.rules.config;

import dev.tenet.rules.TenetInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads {@code .tenet/config.yml}; every mistake is an error naming the line. */
public final class ConfigLoader {
    public static final String CONFIG_FILE = ".tenet/config.yml";
    private static final Set<String> KEYS = Set.of("layers", "allowEmptyLayers", "rules", "exclude", "allowEmptyExcludes", "effects",
            "perKeyTopics", "allowEmptyPerKeyTopics", "checkTestSources", LlmSettingsParser.KEY);
    private static final Set<String> SETTINGS = Set.of("off", "on", "error", "warning", "info");

    private ConfigLoader() {
    }

    /** The repository's config, or the defaults when it has no {@code .tenet/config.yml}. */
    public static TenetConfig load(Path root) {
        Path file = root.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            return TenetConfig.defaults();
        }
        try {
            return parse(Files.readString(file), CONFIG_FILE);
        } catch (IOException e) {
            throw new TenetInputException(CONFIG_FILE, 0, "cannot read: " + e.getMessage());
        }
    }

    public static TenetConfig parse(String yaml, String file) {
        MappingNode root = YamlNodes.parseMapping(yaml, file, 1);
        Map<String, Node> fields = YamlNodes.fields(root, file, 1, KEYS);

        Map<Layer, List<PackagePattern>> layers = new EnumMap<>(Layer.class);
        boolean layersExplicit = fields.containsKey("layers");
        if (layersExplicit) {
            MappingNode layerNode = YamlNodes.mapping(fields.get("layers"), "layers", file, 1);
            for (NodeTuple tuple : layerNode.getValue()) {
                String key = YamlNodes.scalar(tuple.getKeyNode(), file, 1, "a layer name");
                Layer layer = Layer.fromKey(key).orElseThrow(() -> new TenetInputException(file,
                        YamlNodes.line(tuple.getKeyNode(), 1),
                        "unknown layer '" + key + "' (expected domain, application, adapter, infrastructure or presentation)"));
                List<PackagePattern> patterns = new ArrayList<>();
                for (String text : YamlNodes.stringList(Map.of(key, tuple.getValueNode()), key, file, 1)) {
                    try {
                        patterns.add(PackagePattern.of(text));
                    } catch (IllegalArgumentException e) {
                        throw new TenetInputException(file, YamlNodes.line(tuple.getValueNode(), 1), e.getMessage());
                    }
                }
                layers.put(layer, patterns);
            }
        }

        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, Integer> settingLines = new LinkedHashMap<>();
        MappingNode rules = YamlNodes.mapping(fields.get("rules"), "rules", file, 1);
        if (rules != null) {
            for (NodeTuple tuple : rules.getValue()) {
                String id = YamlNodes.scalar(tuple.getKeyNode(), file, 1, "a rule id");
                String value = YamlNodes.scalar(tuple.getValueNode(), file, 1, "a rule setting");
                String setting = switch (value) {
                    case "false" -> "off";
                    case "true" -> "on";
                    default -> value.toLowerCase(java.util.Locale.ROOT);
                };
                if (!SETTINGS.contains(setting)) {
                    throw new TenetInputException(file, YamlNodes.line(tuple.getValueNode(), 1),
                            "rule '" + id + "' is set to '" + value + "' (expected off, on, error, warning or info)");
                }
                settings.put(id, setting);
                settingLines.put(id, YamlNodes.line(tuple.getKeyNode(), 1));
            }
        }

        List<PathGlob> excludes = YamlNodes.stringList(fields, "exclude", file, 1).stream().map(PathGlob::new).toList();
        LlmSettingsParser.section(fields.get(LlmSettingsParser.KEY), file); // validated with the rest; read by the review's LLM pass
        return new TenetConfig(file, layers, layersExplicit, bool(fields, "allowEmptyLayers", file),
                settings, settingLines, excludes, bool(fields, "allowEmptyExcludes", file), DeclaredEffects.parse(fields.get("effects"), file),
                perKeyTopics(fields, file), bool(fields, "allowEmptyPerKeyTopics", file), bool(fields, "checkTestSources", file), false);
    }

    private static List<TopicPattern> perKeyTopics(Map<String, Node> fields, String file) {
        List<TopicPattern> patterns = new ArrayList<>();
        Node node = fields.get("perKeyTopics");
        List<String> texts = YamlNodes.stringList(fields, "perKeyTopics", file, 1);
        for (int i = 0; i < texts.size(); i++) {
            Node item = node instanceof org.yaml.snakeyaml.nodes.SequenceNode sequence ? sequence.getValue().get(i) : node;
            int line = YamlNodes.line(item, 1);
            try {
                patterns.add(TopicPattern.of(texts.get(i), line));
            } catch (IllegalArgumentException e) {
                throw new TenetInputException(file, line, e.getMessage());
            }
        }
        return patterns;
    }

    private static boolean bool(Map<String, Node> fields, String key, String file) {
        String value = YamlNodes.optionalString(fields, key, file, 1);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new TenetInputException(file, YamlNodes.line(fields.get(key), 1), "'" + key + "' must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

}
