package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.config.TenetConfig.DeclaredEffect;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.FactEntry;
import dev.tenet.rules.engine.Project.MethodEntry;
import dev.tenet.rules.engine.Project.TypeEntry;
import dev.tenet.rules.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The codebase's own types whose instances it publishes, found from what the code sends: the payload
 * of a Kafka send (a template, a producer record, a StreamBridge or a built message, told by the effect
 * model) that resolves to one of the codebase's types, and the argument of a method the team declared
 * {@code kafka-send} or {@code outbox-append} in {@code .tenet/config.yml}. Never from names.
 */
final class PublishedTypes {
    static final String SENT = "sent";
    private static final Set<String> PUBLISHING = Set.of("kafka-send", "outbox-append");

    /**
     * One published type.
     *
     * @param type  the type
     * @param where where it is sent, or the declared method that publishes it
     */
    record Published(TypeEntry type, Step where) {
    }

    private PublishedTypes() {
    }

    static List<Published> in(Project project, String checkId) {
        List<Published> found = new ArrayList<>();
        for (FactEntry send : project.facts(checkId)) {
            if (send.fact().kind().equals(SENT)) {
                SentPayloads.type(project, send).flatMap(project::type).ifPresent(type -> found.add(new Published(type,
                        new Step(send.file().path(), send.fact().line(), 0, "sends " + type.type().simpleName() + " to Kafka"))));
            }
        }
        for (Map.Entry<String, DeclaredEffect> declared : project.config().effects().entrySet()) {
            if (PUBLISHING.contains(declared.getValue().effect())) {
                declaredPublisher(project, checkId, declared.getKey(), declared.getValue().effect(), found);
            }
        }
        return found;
    }

    private static void declaredPublisher(Project project, String checkId, String key, String effect, List<Published> found) {
        String owner = key.substring(0, key.indexOf('#'));
        String name = key.substring(key.indexOf('#') + 1);
        Optional<TypeEntry> type = project.whole().type(owner);
        if (type.isEmpty()) {
            return;
        }
        for (MethodEntry method : project.whole().methodsOf(type.get().type())) {
            if (!method.method().name().equals(name)) {
                continue;
            }
            List<String> arguments = new ArrayList<>(method.method().parameterTypes());
            project.whole().facts(checkId).stream().filter(f -> f.fact().kind().equals(EventFields.ELEMENT_PARAMETER)
                    && f.fact().subject().equals(key))
                    .forEach(f -> arguments.add(f.fact().detail()));
            for (String argument : arguments) {
                project.resolve(method.file(), argument).filter(t -> !t.type().kind().equals("interface")).ifPresent(published ->
                        found.add(new Published(published, new Step(method.file().path(), method.method().startLine(), 0,
                                "publishes " + published.type().simpleName() + " (" + name + " is declared " + effect
                                        + " in .tenet/config.yml)"))));
            }
        }
    }
}
