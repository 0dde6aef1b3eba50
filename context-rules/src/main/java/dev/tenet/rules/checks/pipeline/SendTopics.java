package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.FactEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The topic of a send as phase two can read it: a literal, a constant of the codebase, a property
 * ({@code @Value}, the template's default topic), or a StreamBridge binding's destination.
 */
final class SendTopics {
    private static final String DEFAULT_TOPIC = "spring.kafka.template.default-topic";

    private final Project project;
    private final List<FactEntry> constants = new ArrayList<>();

    SendTopics(Project project) {
        this.project = project;
        project.facts(MissingMessageKeyCheck.ID).stream().filter(f -> f.fact().kind().equals(MissingMessageKeyCheck.CONSTANT))
                .forEach(constants::add);
    }

    Optional<String> of(FactEntry send) {
        String detail = send.fact().detail();
        String topic = detail.substring(detail.indexOf('\t') + 1);
        if (topic.startsWith("=")) {
            return Optional.of(topic.substring(1));
        }
        if (topic.startsWith("prop:")) {
            return property(topic.substring("prop:".length()));
        }
        if (topic.equals("default")) {
            return property(DEFAULT_TOPIC);
        }
        if (topic.startsWith("binding:")) {
            String binding = topic.substring("binding:".length());
            return property("spring.cloud.stream.bindings." + binding + ".destination").or(() -> Optional.of(binding));
        }
        if (topic.startsWith("const:")) {
            String constant = topic.substring("const:".length());
            String owner = constant.substring(0, constant.indexOf('.'));
            String name = constant.substring(constant.indexOf('.') + 1);
            Optional<String> fqn = project.resolve(send.file(), owner).map(t -> t.type().fqn());
            return fqn.flatMap(type -> constants.stream()
                    .filter(c -> c.fact().subject().equals(owner + "." + name))
                    .filter(c -> project.resolve(c.file(), owner).map(t -> t.type().fqn()).filter(type::equals).isPresent())
                    .map(c -> c.fact().detail()).findFirst());
        }
        return Optional.empty();
    }

    /** A property's value; {@code key:default} falls back to the default. */
    private Optional<String> property(String key) {
        int colon = key.indexOf(':');
        String name = colon < 0 ? key : key.substring(0, colon);
        Optional<String> value = project.properties().stream()
                .filter(p -> normalized(p.key()).equals(normalized(name))).map(p -> p.value().strip()).findFirst();
        return value.or(() -> colon < 0 ? Optional.empty() : Optional.of(key.substring(colon + 1)))
                .filter(v -> !v.isEmpty() && !v.contains("${"));
    }

    /** A StreamBridge send whose binding sets a message key expression. */
    boolean keyedByBinding(FactEntry send) {
        String detail = send.fact().detail();
        String topic = detail.substring(detail.indexOf('\t') + 1);
        if (!topic.startsWith("binding:")) {
            return false;
        }
        String binding = topic.substring("binding:".length());
        return project.properties().stream().map(p -> normalized(p.key()))
                .anyMatch(k -> k.contains("bindings." + normalized(binding) + ".") && k.endsWith("messagekeyexpression"));
    }

    private static String normalized(String key) {
        return key.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }
}
