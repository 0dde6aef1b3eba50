package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.checks.pipeline.KafkaSends.Send;
import dev.tenet.rules.config.TopicPattern;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.FactEntry;
import dev.tenet.rules.engine.ScanSink;
import dev.tenet.rules.model.Fact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A record sent without a key to a topic whose records must be keyed by the entity they are about:
 * the default partitioner spreads one entity's events over partitions and they are consumed out of
 * order. Which topics need a key is the team's to say, in {@code perKeyTopics:} of
 * {@code .tenet/config.yml}; without it the rule is silent, because nothing in the code tells a topic
 * whose consumers rely on per-entity order from one whose order does not matter. A send whose topic
 * cannot be read is reported when its payload type is also sent to a per-key topic.
 */
public final class MissingMessageKeyCheck implements Check {
    public static final String ID = "missing-message-key";
    static final String KEYED = "keyed";
    static final String KEYLESS = "keyless";
    static final String CONSTANT = "constant";
    private static final String DEFAULT_TOPIC = "spring.kafka.template.default-topic";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String source) {
        return source.contains("ProducerRecord") || source.contains("send") || source.contains("static final String");
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (Send send : KafkaSends.in(file, EffectModel.builtIn())) {
            sink.fact(send.keyed() ? KEYED : KEYLESS, payloadRef(file, send.payload()), send.api() + "\t" + send.topic(), send.node());
        }
        for (FieldDeclaration field : file.unit().findAll(FieldDeclaration.class, f -> f.isStatic() && f.isFinal())) {
            for (VariableDeclarator variable : field.getVariables()) {
                Optional<TypeDeclaration<?>> owner = file.enclosingType(field);
                variable.getInitializer().filter(Expression::isStringLiteralExpr).ifPresent(init -> owner.ifPresent(type ->
                        sink.fact(CONSTANT, type.getNameAsString() + "." + variable.getNameAsString(), init.asStringLiteralExpr().getValue(),
                                variable)));
            }
        }
    }

    @Override
    public void finish(Project project, HitSink sink) {
        List<TopicPattern> patterns = project.config().perKeyTopics();
        if (patterns.isEmpty()) {
            return;
        }
        Topics topics = new Topics(project);
        List<FactEntry> sends = project.facts(ID).stream().filter(f -> !f.fact().kind().equals(CONSTANT))
                .filter(f -> !TestSources.contains(f.file().path())).toList();
        Set<String> topicsSent = new HashSet<>();
        Set<String> perKeyPayloads = new HashSet<>();
        for (FactEntry send : sends) {
            Optional<String> topic = topics.of(send);
            topic.ifPresent(topicsSent::add);
            if (topic.filter(t -> perKey(patterns, t)).isPresent()) {
                payloadType(project, send).ifPresent(perKeyPayloads::add);
            }
        }
        validate(project, patterns, topicsSent);
        for (FactEntry send : sends) {
            Fact fact = send.fact();
            if (!fact.kind().equals(KEYLESS) || topics.keyedByBinding(send)) {
                continue;
            }
            String api = fact.detail().substring(0, fact.detail().indexOf('\t'));
            Optional<String> topic = topics.of(send);
            String why;
            if (topic.isPresent()) {
                if (!perKey(patterns, topic.get())) {
                    continue;
                }
                why = "to " + topic.get() + ", a topic .tenet/config.yml lists in perKeyTopics";
            } else {
                Optional<String> payload = payloadType(project, send).filter(perKeyPayloads::contains);
                if (payload.isEmpty()) {
                    continue;
                }
                why = "although its payload " + payload.get().substring(payload.get().lastIndexOf('.') + 1)
                        + " is sent to a topic listed in perKeyTopics elsewhere";
            }
            sink.hit(send.file().path(), fact.line(), fact.line(), describe(api) + " " + why
                            + "; one entity's events then spread over partitions and are consumed out of order",
                    fixFor(api), fact.owner() + " keyless " + api + " " + topic.orElse(""));
        }
    }

    private static boolean perKey(List<TopicPattern> patterns, String topic) {
        return patterns.stream().anyMatch(p -> p.matches(topic));
    }

    /** A per-key topic pattern that matches no topic the code sends to is a typo, not a pass. */
    private static void validate(Project project, List<TopicPattern> patterns, Set<String> topicsSent) {
        if (project.config().allowEmptyPerKeyTopics()) {
            return;
        }
        for (TopicPattern pattern : patterns) {
            if (topicsSent.stream().noneMatch(pattern::matches)) {
                throw new TenetInputException(project.config().file(), pattern.line(), "perKeyTopics: '" + pattern
                        + "' matches no topic the checked code sends to; fix the pattern or set 'allowEmptyPerKeyTopics: true'");
            }
        }
    }

    /** The payload's type, when it is one of the codebase's own: its declared type, or the return type of the call that makes it. */
    private static Optional<String> payloadType(Project project, FactEntry send) {
        String payload = send.fact().subject();
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        int hash = payload.indexOf('#');
        if (hash < 0) {
            return project.resolve(send.file(), payload).map(t -> t.type().fqn());
        }
        String method = payload.substring(hash + 1);
        return project.resolve(send.file(), payload.substring(0, hash)).flatMap(owner -> project.methodsOf(owner.type()).stream()
                        .filter(m -> m.method().name().equals(method)).findFirst())
                .flatMap(m -> project.resolve(m.file(), erasure(m.method().returnType())))
                .map(t -> t.type().fqn());
    }

    private static String erasure(String type) {
        int generic = type.indexOf('<');
        return generic < 0 ? type : type.substring(0, generic);
    }

    /** The payload as phase two can resolve it: its declared type, or {@code Type#method} for a call's result. */
    private static String payloadRef(JavaFile file, Expression payload) {
        if (payload == null) {
            return "";
        }
        String type = file.typeOf(payload);
        if (type != null) {
            return type;
        }
        if (payload instanceof MethodCallExpr call) {
            String owner = call.getScope().map(file::typeOf)
                    .orElseGet(() -> file.enclosingType(call).map(t -> t.getNameAsString()).orElse(null));
            return owner == null ? "" : owner + "#" + call.getNameAsString();
        }
        return "";
    }

    private static String describe(String api) {
        return switch (api) {
            case "send" -> "The record is sent with send(topic, value) and no key";
            case "sendDefault" -> "The record is sent with sendDefault(value) and no key";
            case "ProducerRecord" -> "The ProducerRecord has no key";
            case "StreamBridge" -> "The StreamBridge message has no key (no KafkaHeaders.KEY header, no message-key-expression on its binding)";
            default -> "The message, built without a KafkaHeaders.KEY header, has no key";
        };
    }

    private static String fixFor(String api) {
        String then = " so one entity's events stay in order on one partition.";
        return switch (api) {
            case "send", "sendDefault" -> "Pass the id of the entity the event is about as the key (send(topic, event.userId(), event))" + then;
            case "ProducerRecord" -> "Use new ProducerRecord<>(topic, event.userId(), event), keyed by the id of the entity the event is about," + then;
            default -> "Add setHeader(KafkaHeaders.KEY, event.userId()), the id of the entity the event is about, or set the binding's"
                    + " message-key-expression," + then;
        };
    }

    /** Topics of sends as phase two can read them: literals, constants of the codebase, properties, StreamBridge bindings. */
    private static final class Topics {
        private final Project project;
        private final List<FactEntry> constants = new ArrayList<>();

        Topics(Project project) {
            this.project = project;
            project.facts(ID).stream().filter(f -> f.fact().kind().equals(CONSTANT)).forEach(constants::add);
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
            Optional<String> value = project.properties().stream().filter(p -> !TestSources.contains(p.file()))
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
}
