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
import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.FactEntry;
import dev.tenet.rules.engine.ScanSink;
import dev.tenet.rules.model.Fact;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.anyWord("ProducerRecord", "send", "static final String");
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (Send send : KafkaSends.in(file, EffectModel.builtIn())) {
            sink.fact(send.keyed() ? KEYED : KEYLESS, SentPayloads.ref(file, send.payload()), send.api() + "\t" + send.topic(), send.node());
        }
        for (FieldDeclaration field : file.all(FieldDeclaration.class, f -> f.isStatic() && f.isFinal())) {
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
        SendTopics topics = new SendTopics(project);
        List<FactEntry> sends = project.facts(ID).stream().filter(f -> !f.fact().kind().equals(CONSTANT)).toList();
        Set<String> topicsSent = new HashSet<>();
        Set<String> perKeyPayloads = new HashSet<>();
        Map<FactEntry, Optional<String>> topicOf = new IdentityHashMap<>();
        for (FactEntry send : sends) {
            Optional<String> topic = topics.of(send);
            topicOf.put(send, topic);
            topic.ifPresent(topicsSent::add);
            if (topic.filter(t -> perKey(patterns, t)).isPresent()) {
                SentPayloads.type(project, send).ifPresent(perKeyPayloads::add);
            }
        }
        // A pattern is a typo only when no part of the tree sends to a matching topic, not when this service does not.
        validate(project, patterns, project.whole() == project ? topicsSent : topicsSent(project.whole()));
        for (FactEntry send : sends) {
            Fact fact = send.fact();
            if (!fact.kind().equals(KEYLESS) || topics.keyedByBinding(send)) {
                continue;
            }
            String api = fact.detail().substring(0, fact.detail().indexOf('\t'));
            Optional<String> topic = topicOf.get(send);
            String why;
            if (topic.isPresent()) {
                if (!perKey(patterns, topic.get())) {
                    continue;
                }
                why = "to " + topic.get() + ", a topic .tenet/config.yml lists in perKeyTopics";
            } else {
                Optional<String> payload = SentPayloads.type(project, send).filter(perKeyPayloads::contains);
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
    private static Set<String> topicsSent(Project project) {
        SendTopics topics = new SendTopics(project);
        Set<String> sent = new HashSet<>();
        project.facts(ID).stream().filter(f -> !f.fact().kind().equals(CONSTANT)).forEach(f -> topics.of(f).ifPresent(sent::add));
        return sent;
    }

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
}
