package dev.tenet.rules.config;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.config.TenetConfig.DeclaredEffect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * The {@code effects:} section of {@code .tenet/config.yml}: a team's own wrappers mapped to what a
 * call on them does, e.g. {@code "com.acme.events.EventPublisher#publish": kafka-send}.
 */
public final class DeclaredEffects {
    /** The effects a team may declare. */
    public static final Set<String> NAMES = Set.of("db-write", "db-upsert", "kafka-send", "outbox-append", "http-get", "http-post", "http-put",
            "http-patch", "http-delete", "redis-write", "redis-add", "redis-claim", "exists", "sleep", "handoff", "circuit-breaker");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+#[A-Za-z_$][\\w$]*");

    private DeclaredEffects() {
    }

    static Map<String, DeclaredEffect> parse(Node node, String file) {
        Map<String, DeclaredEffect> effects = new LinkedHashMap<>();
        MappingNode mapping = YamlNodes.mapping(node, "effects", file, 1);
        if (mapping == null) {
            return effects;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String method = YamlNodes.scalar(tuple.getKeyNode(), file, 1, "a method ('fully.qualified.Type#method')");
            int line = YamlNodes.line(tuple.getKeyNode(), 1);
            if (!METHOD.matcher(method).matches()) {
                throw new TenetInputException(file, line, "effects: '" + method
                        + "' is not a method; write it as 'fully.qualified.Type#method', e.g. 'com.acme.events.EventPublisher#publish'");
            }
            String effect = YamlNodes.scalar(tuple.getValueNode(), file, 1, "an effect");
            if (!NAMES.contains(effect)) {
                throw new TenetInputException(file, YamlNodes.line(tuple.getValueNode(), 1), "effects: unknown effect '" + effect
                        + "' for " + method + " (expected one of: " + String.join(", ", new TreeSet<>(NAMES)) + ")");
            }
            effects.put(method, new DeclaredEffect(effect, line));
        }
        return effects;
    }
}
