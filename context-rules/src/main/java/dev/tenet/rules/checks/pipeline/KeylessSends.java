package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.tenet.rules.engine.JavaFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds records sent without a key, whichever API builds them: {@code send(topic, value)},
 * {@code sendDefault(value)}, a two-argument {@code ProducerRecord}, a null key, or a Spring
 * {@code Message} built without a key header and handed to a KafkaTemplate or StreamBridge.
 */
final class KeylessSends {
    private static final Set<String> TEMPLATES = Set.of("KafkaTemplate", "KafkaOperations", "ReactiveKafkaProducerTemplate");

    /** One keyless send: where, which API, the payload expression and the topic's text. */
    record KeylessSend(Node node, String api, Expression payload, String topic) {
    }

    private final JavaFile file;
    private final List<KeylessSend> found = new ArrayList<>();

    private KeylessSends(JavaFile file) {
        this.file = file;
    }

    static List<KeylessSend> in(JavaFile file) {
        KeylessSends finder = new KeylessSends(file);
        file.unit().findAll(ObjectCreationExpr.class).forEach(finder::producerRecord);
        file.unit().findAll(MethodCallExpr.class).forEach(finder::templateSend);
        file.unit().findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("build")).forEach(finder::builtMessage);
        return finder.found;
    }

    private void producerRecord(ObjectCreationExpr creation) {
        NodeList<Expression> args = creation.getArguments();
        if (!JavaFile.erasure(creation.getType()).endsWith("ProducerRecord") || args.size() < 2) {
            return;
        }
        int value = args.size() >= 5 ? 4 : args.size() - 1;
        if (args.size() == 2 || args.get(value - 1).isNullLiteralExpr()) {
            found.add(new KeylessSend(creation, "ProducerRecord", args.get(value), topicText(args.get(0))));
        }
    }

    private void templateSend(MethodCallExpr call) {
        String name = call.getNameAsString();
        NodeList<Expression> args = call.getArguments();
        if (!(name.equals("send") || name.equals("sendDefault")) || args.isEmpty() || !isTemplate(call.getScope().orElse(null))) {
            return;
        }
        boolean sendDefault = name.equals("sendDefault");
        int keyless = sendDefault ? 1 : 2;
        boolean nullKey = args.size() > keyless && args.get(args.size() - 2).isNullLiteralExpr();
        if (args.size() == keyless || nullKey) {
            String topic = sendDefault ? "" : topicText(args.get(0));
            found.add(new KeylessSend(call, name, args.get(args.size() - 1), topic));
        }
    }

    private void builtMessage(MethodCallExpr build) {
        List<String> chain = JavaFile.chainNames(build);
        if (!chain.get(0).equals("withPayload") || !JavaFile.shortText(JavaFile.chainRoot(build)).endsWith("MessageBuilder")
                || chain.stream().anyMatch(n -> n.startsWith("copyHeaders"))) {
            return;
        }
        String topic = "";
        Expression payload = null;
        for (Expression current = build; current instanceof MethodCallExpr step; current = step.getScope().orElse(null)) {
            if (step.getNameAsString().equals("setHeader") && step.getArguments().size() == 2) {
                String header = step.getArgument(0).toString();
                if (isKeyHeader(header)) {
                    return;
                }
                if (header.endsWith("TOPIC") || header.contains("kafka_topic")) {
                    topic = topicText(step.getArgument(1));
                }
            } else if (step.getNameAsString().equals("withPayload") && step.getArguments().size() == 1) {
                payload = step.getArgument(0);
            }
        }
        Optional<MethodCallExpr> send = sendOf(build);
        if (payload != null && send.isPresent()) {
            boolean bridge = isStreamBridge(send.get().getScope().orElse(null));
            String destination = bridge && send.get().getArguments().size() > 1 ? topicText(send.get().getArgument(0)) : "";
            found.add(new KeylessSend(build, bridge ? "StreamBridge" : "MessageBuilder", payload, (topic + " " + destination).strip()));
        }
    }

    /** The template or StreamBridge send that takes the built message, inline or through a local variable. */
    private Optional<MethodCallExpr> sendOf(MethodCallExpr build) {
        Optional<Node> parent = build.getParentNode();
        if (parent.isPresent() && parent.get() instanceof MethodCallExpr call && isMessageSend(call)) {
            return Optional.of(call);
        }
        if (parent.isEmpty() || !(parent.get() instanceof VariableDeclarator variable)) {
            return Optional.empty();
        }
        String name = variable.getNameAsString();
        Node body = variable;
        while (!(body instanceof BodyDeclaration<?>) && body.getParentNode().isPresent()) {
            body = body.getParentNode().get();
        }
        return body.findAll(MethodCallExpr.class, this::isMessageSend).stream()
                .filter(c -> c.getArguments().stream().anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(name)))
                .findFirst();
    }

    private boolean isMessageSend(MethodCallExpr call) {
        Expression scope = call.getScope().orElse(null);
        return call.getNameAsString().equals("send") && (isTemplate(scope) || isStreamBridge(scope));
    }

    private boolean isTemplate(Expression scope) {
        return scope != null && matches(scope, TEMPLATES, "kafkatemplate");
    }

    private boolean isStreamBridge(Expression scope) {
        return scope != null && matches(scope, Set.of("StreamBridge"), "streambridge");
    }

    private boolean matches(Expression scope, Set<String> types, String nameHint) {
        String type = JavaFile.simpleName(file.typeOf(scope));
        return type != null ? types.contains(type) : JavaFile.shortText(scope).toLowerCase(Locale.ROOT).contains(nameHint);
    }

    /** The topic expression's text, plus the value of a constant of the same type it names. */
    private String topicText(Expression topic) {
        if (topic instanceof NameExpr name) {
            Optional<String> value = file.enclosingType(topic).flatMap(type -> file.field(type, name.getNameAsString()))
                    .flatMap(VariableDeclarator::getInitializer).map(Expression::toString);
            return value.map(v -> topic + " " + v).orElse(topic.toString());
        }
        return topic.toString();
    }

    private static boolean isKeyHeader(String header) {
        return header.endsWith("KEY") || header.contains("messageKey") || header.contains("partitionKey");
    }
}
