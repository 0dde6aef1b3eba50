package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.tenet.rules.checks.pipeline.KeylessSends.KeylessSend;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.FactEntry;
import dev.tenet.rules.engine.ScanSink;
import dev.tenet.rules.model.Fact;
import java.util.Optional;

/**
 * A record of a per-user stream sent without a key: the default partitioner spreads one user's
 * events over partitions and they are consumed out of order. Per-user means the payload type has a
 * user-ish id or the topic names users; a keyless send of anything else is fine.
 */
public final class MissingMessageKeyCheck implements Check {
    public static final String ID = "missing-message-key";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String source) {
        return source.contains("ProducerRecord")
                || source.contains("send") && (source.contains("Kafka") || source.contains("Producer") || source.contains("StreamBridge"));
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (KeylessSend send : KeylessSends.in(file)) {
            sink.fact(send.api(), payloadRef(file, send.payload()), send.topic(), send.node());
        }
    }

    @Override
    public void finish(Project project, HitSink sink) {
        boolean bindingKeys = project.properties().stream()
                .anyMatch(p -> p.key().contains("messageKeyExpression") || p.key().contains("message-key-expression"));
        for (FactEntry entry : project.facts(ID)) {
            Fact fact = entry.fact();
            if (TestSources.contains(entry.file().path()) || fact.kind().equals("StreamBridge") && bindingKeys) {
                continue;
            }
            Optional<String> reason = PerUserPayloads.userIdOf(project, entry.file(), fact.subject())
                    .map(field -> "its payload carries " + field)
                    .or(() -> PerUserPayloads.USER_TOPIC.matcher(fact.detail()).find()
                            ? Optional.of("its topic (" + fact.detail() + ") is a per-user stream") : Optional.empty());
            reason.ifPresent(why -> sink.hit(entry.file().path(), fact.line(), fact.line(),
                    describe(fact.kind()) + " although " + why + "; one user's events then spread over partitions and are consumed out of order",
                    fixFor(fact.kind()), fact.owner() + " keyless " + fact.kind() + " " + fact.detail()));
        }
    }

    /** The payload as phase two can resolve it: its declared type, or {@code Type#method} for a call's result. */
    private static String payloadRef(JavaFile file, Expression payload) {
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
            default -> "The message, built without a KafkaHeaders.KEY header, has no key";
        };
    }

    private static String fixFor(String api) {
        return switch (api) {
            case "send", "sendDefault" -> "Pass the user id as the key (send(topic, event.userId(), event)) so one user's events stay in order on one partition.";
            case "ProducerRecord" -> "Use new ProducerRecord<>(topic, event.userId(), event) so one user's events stay in order on one partition.";
            default -> "Add setHeader(KafkaHeaders.KEY, event.userId()) so one user's events stay in order on one partition.";
        };
    }
}
