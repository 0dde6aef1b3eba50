package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.effects.MethodEffects;
import dev.tenet.rules.engine.JavaFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every record a file sends to Kafka, keyed or not, whichever API builds it: a KafkaTemplate's
 * {@code send(topic, [partition,] [key,] value)} and {@code sendDefault}, a {@code ProducerRecord}, a
 * StreamBridge send of a payload, and a Spring {@code Message} with or without a key header handed to
 * a template or StreamBridge; method references ({@code events.forEach(template::sendDefault)}) too.
 * Senders are told by the effect model (their types resolved through the imports), never by names.
 */
final class KafkaSends {
    /** The sending methods of templates and StreamBridge that take the topic and value themselves. */
    private static final Set<String> SEND_METHODS = Set.of("send", "sendDefault");
    private static final String PRODUCER_RECORD = "org.apache.kafka.clients.producer.ProducerRecord";
    private static final Set<String> MESSAGE_BUILDERS = Set.of("org.springframework.messaging.support.MessageBuilder",
            "org.springframework.integration.support.MessageBuilder");
    private static final String KAFKA_HEADERS = "org.springframework.kafka.support.KafkaHeaders";
    private static final String STREAM_BRIDGE = "org.springframework.cloud.stream.function.StreamBridge";
    private static final String VALUE = "org.springframework.beans.factory.annotation.Value";
    private static final Set<String> TEMPLATES = Set.of("org.springframework.kafka.core.KafkaOperations",
            "org.springframework.kafka.core.KafkaTemplate", "org.springframework.kafka.core.RoutingKafkaTemplate",
            "org.springframework.kafka.requestreply.ReplyingKafkaTemplate",
            "org.springframework.kafka.core.reactive.ReactiveKafkaProducerTemplate");

    /**
     * One send.
     *
     * @param node    where to report it
     * @param api     {@code send}, {@code sendDefault}, {@code ProducerRecord}, {@code MessageBuilder} or {@code StreamBridge}
     * @param keyed   whether the record carries a key
     * @param payload the value's expression ({@code null} when not known)
     * @param topic   how phase two finds the topic: {@code =name}, {@code const:Type.NAME}, {@code prop:key}, {@code default}
     *                (the template's default topic), {@code binding:name} (a StreamBridge binding), or {@code ""} when unknown
     */
    record Send(Node node, String api, boolean keyed, Expression payload, String topic) {
    }

    private final JavaFile file;
    private final EffectModel model;
    private final List<Send> found = new ArrayList<>();

    private KafkaSends(JavaFile file, EffectModel model) {
        this.file = file;
        this.model = model;
    }

    static List<Send> in(JavaFile file, EffectModel model) {
        KafkaSends finder = new KafkaSends(file, model);
        file.all(ObjectCreationExpr.class).forEach(finder::producerRecord);
        file.all(MethodCallExpr.class, c -> SEND_METHODS.contains(c.getNameAsString())).forEach(finder::templateSend);
        file.all(MethodReferenceExpr.class).forEach(finder::referencedSend);
        file.all(MethodCallExpr.class, c -> c.getNameAsString().equals("build")).forEach(finder::builtMessage);
        return finder.found;
    }

    private void producerRecord(ObjectCreationExpr creation) {
        NodeList<Expression> args = creation.getArguments();
        if (!WrittenTypes.is(file, JavaFile.erasure(creation.getType()), PRODUCER_RECORD) || args.size() < 2) {
            return;
        }
        // (topic, value), (topic, key, value), (topic, partition, key, value), (topic, partition, timestamp, key, value[, headers])
        int key = switch (args.size()) {
            case 2 -> -1;
            case 3 -> 1;
            case 4 -> 2;
            default -> 3;
        };
        int value = key < 0 ? 1 : key + 1;
        found.add(new Send(creation, "ProducerRecord", key >= 0 && !args.get(key).isNullLiteralExpr(), args.get(value), topic(args.get(0))));
    }

    private void templateSend(MethodCallExpr call) {
        Optional<String> sender = senderType(call);
        if (sender.isEmpty()) {
            return;
        }
        NodeList<Expression> args = call.getArguments();
        String name = call.getNameAsString();
        if (sender.get().equals(STREAM_BRIDGE)) {
            if (name.equals("send") && args.size() >= 2 && !builtMessage(args.get(args.size() - 1))) {
                Expression payload = args.get(args.size() == 4 ? 2 : 1);
                found.add(new Send(call, "StreamBridge", false, payload, binding(args.get(0))));
            }
            return;
        }
        if (name.equals("sendDefault") && !args.isEmpty()) {
            boolean keyed = args.size() >= 2 && !args.get(args.size() - 2).isNullLiteralExpr();
            found.add(new Send(call, name, keyed, args.get(args.size() - 1), "default"));
        } else if (name.equals("send") && args.size() >= 2) {
            boolean keyed = args.size() >= 3 && !args.get(args.size() - 2).isNullLiteralExpr();
            found.add(new Send(call, name, keyed, args.get(args.size() - 1), topic(args.get(0))));
        }
    }

    /** {@code template::sendDefault} sends each element without a key; {@code ::send} takes records built elsewhere. */
    private void referencedSend(MethodReferenceExpr reference) {
        if (!reference.getIdentifier().equals("sendDefault")) {
            return;
        }
        Expression scope = reference.getScope();
        String written = scope instanceof TypeExpr t ? JavaFile.erasure(t.getType()) : file.typeOf(scope);
        if (written != null && Character.isLowerCase(written.charAt(0)) && !written.contains(".")) {
            // javaparser reads the scope of template::sendDefault as a type: it is the variable of that name.
            written = declaredType(reference, written).orElse(null);
        }
        String type = file.frameworkType(written, model);
        if (type != null && model.lookup(type, "sendDefault", -1).filter(s -> s.effects().contains("kafka-send")).isPresent()
                && !(reference.getParentNode().orElse(null) instanceof MethodCallExpr each && each.getScope()
                .map(s -> WrittenTypes.is(file, String.valueOf(file.typeOf(s)), "java.util.Map")).orElse(false))) {
            found.add(new Send(reference, "sendDefault", false, null, "default"));
        }
    }

    private void builtMessage(MethodCallExpr build) {
        List<String> chain = JavaFile.chainNames(build);
        Expression root = JavaFile.chainRoot(build);
        if (!chain.get(0).equals("withPayload") || WrittenTypes.among(file, JavaFile.shortText(root), MESSAGE_BUILDERS).isEmpty()
                || chain.stream().anyMatch(n -> n.startsWith("copyHeaders"))) {
            return;
        }
        String topic = "";
        boolean keyed = false;
        Expression payload = null;
        for (Expression current = build; current instanceof MethodCallExpr step; current = step.getScope().orElse(null)) {
            if (step.getNameAsString().equals("setHeader") && step.getArguments().size() == 2) {
                Expression header = step.getArgument(0);
                if (isHeader(header, "KEY", "kafka_messageKey") || isHeader(header, "MESSAGE_KEY", "kafka_messageKey")) {
                    keyed = true;
                }
                if (isHeader(header, "TOPIC", "kafka_topic")) {
                    topic = topic(step.getArgument(1));
                }
            } else if (step.getNameAsString().equals("withPayload") && step.getArguments().size() == 1) {
                payload = step.getArgument(0);
            }
        }
        Optional<MethodCallExpr> send = sendOf(build);
        if (payload != null && send.isPresent()) {
            boolean bridge = senderType(send.get()).filter(STREAM_BRIDGE::equals).isPresent();
            if (bridge && topic.isEmpty() && send.get().getArguments().size() > 1) {
                topic = binding(send.get().getArgument(0));
            }
            found.add(new Send(build, bridge ? "StreamBridge" : "MessageBuilder", keyed, payload, topic));
        }
    }

    private boolean isHeader(Expression header, String constant, String literal) {
        if (header instanceof FieldAccessExpr access) {
            return access.getNameAsString().equals(constant) && WrittenTypes.is(file, JavaFile.shortText(access.getScope()), KAFKA_HEADERS);
        }
        return header instanceof StringLiteralExpr s && s.getValue().equals(literal);
    }

    private boolean builtMessage(Expression argument) {
        return argument instanceof MethodCallExpr call && call.getNameAsString().equals("build")
                && JavaFile.chainNames(call).get(0).equals("withPayload")
                || argument instanceof NameExpr name && variable(argument, name.getNameAsString())
                .flatMap(VariableDeclarator::getInitializer).filter(this::builtMessage).isPresent();
    }

    /** The Kafka sender a call is made on, when the effect model says the call sends. */
    private Optional<String> senderType(MethodCallExpr call) {
        Expression root = JavaFile.chainRoot(call);
        if (root == call || call.getScope().filter(s -> s == root).isEmpty()) {
            return Optional.empty();
        }
        String type = file.frameworkType(file.typeOf(root), model);
        if (type == null) {
            return Optional.empty();
        }
        Optional<MethodEffects> spec = model.lookup(type, call.getNameAsString(), call.getArguments().size());
        if (spec.isEmpty() || !spec.get().effects().contains("kafka-send")) {
            return Optional.empty();
        }
        return type.equals(STREAM_BRIDGE) ? Optional.of(STREAM_BRIDGE)
                : TEMPLATES.stream().anyMatch(t -> model.isA(type, t)) ? Optional.of(type) : Optional.empty();
    }

    /** The template or StreamBridge send that takes the built message, inline or through a local variable. */
    private Optional<MethodCallExpr> sendOf(MethodCallExpr build) {
        Optional<Node> parent = build.getParentNode();
        if (parent.isPresent() && parent.get() instanceof MethodCallExpr call && senderType(call).isPresent()) {
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
        return body.findAll(MethodCallExpr.class, c -> SEND_METHODS.contains(c.getNameAsString()) && senderType(c).isPresent()).stream()
                .filter(c -> c.getArguments().stream().anyMatch(a -> a instanceof NameExpr n && n.getNameAsString().equals(name)))
                .findFirst();
    }

    /** How phase two finds a topic: a literal, a constant, or a property injected with {@code @Value}. */
    private String topic(Expression topic) {
        if (topic instanceof StringLiteralExpr literal) {
            return "=" + literal.getValue();
        }
        if (topic instanceof NameExpr name) {
            return named(topic, name.getNameAsString());
        }
        if (topic instanceof FieldAccessExpr access && access.getScope().isThisExpr()) {
            return named(topic, access.getNameAsString());
        }
        if (topic instanceof FieldAccessExpr access && access.getScope() instanceof NameExpr owner
                && Character.isUpperCase(owner.getNameAsString().charAt(0))) {
            return "const:" + owner.getNameAsString() + "." + access.getNameAsString();
        }
        return "";
    }

    private String named(Node from, String name) {
        Optional<VariableDeclarator> variable = variable(from, name);
        Optional<String> literal = variable.flatMap(VariableDeclarator::getInitializer).filter(Expression::isStringLiteralExpr)
                .map(init -> "=" + init.asStringLiteralExpr().getValue());
        if (literal.isPresent()) {
            return literal.get();
        }
        Optional<NodeWithAnnotations<?>> declaration = variable.flatMap(v -> v.getParentNode())
                .filter(p -> p instanceof NodeWithAnnotations<?>).map(p -> (NodeWithAnnotations<?>) p);
        if (variable.isEmpty()) {
            declaration = from.findAncestor(CallableDeclaration.class).flatMap(c -> parameter(c, name));
        }
        Optional<String> injected = declaration.flatMap(this::valuePlaceholder);
        if (injected.isEmpty() && variable.flatMap(v -> v.getParentNode()).filter(p -> p instanceof FieldDeclaration).isPresent()) {
            injected = constructorInjected(from, name);
        }
        return injected.orElse("");
    }

    private Optional<String> valuePlaceholder(NodeWithAnnotations<?> declaration) {
        return declaration.getAnnotations().stream().filter(a -> WrittenTypes.is(file, a.getNameAsString(), VALUE)).findFirst()
                .flatMap(KafkaSends::placeholder);
    }

    /** A field set in a constructor from a parameter injected with {@code @Value}: {@code this.topic = topic}. */
    private Optional<String> constructorInjected(Node from, String field) {
        return file.enclosingType(from).stream().flatMap(type -> type.getConstructors().stream())
                .flatMap(constructor -> constructor.findAll(AssignExpr.class).stream()
                        .filter(assign -> assign.getTarget() instanceof FieldAccessExpr access && access.getScope().isThisExpr()
                                && access.getNameAsString().equals(field)
                                || assign.getTarget() instanceof NameExpr name && name.getNameAsString().equals(field))
                        .filter(assign -> assign.getValue() instanceof NameExpr)
                        .flatMap(assign -> parameter(constructor, ((NameExpr) assign.getValue()).getNameAsString()).stream()))
                .map(this::valuePlaceholder).flatMap(Optional::stream).findFirst();
    }

    private static Optional<NodeWithAnnotations<?>> parameter(CallableDeclaration<?> callable, String name) {
        for (Parameter parameter : callable.getParameters()) {
            if (parameter.getNameAsString().equals(name)) {
                return Optional.of(parameter);
            }
        }
        return Optional.empty();
    }

    private String binding(Expression name) {
        String topic = topic(name);
        return topic.startsWith("=") ? "binding:" + topic.substring(1) : topic;
    }

    /** {@code prop:key} for {@code @Value("${key}")} or {@code @Value("${key:default}")}. */
    private static Optional<String> placeholder(AnnotationExpr value) {
        if (!(value instanceof SingleMemberAnnotationExpr single) || !(single.getMemberValue() instanceof StringLiteralExpr text)) {
            return Optional.empty();
        }
        String expression = text.getValue();
        if (!expression.startsWith("${") || !expression.endsWith("}")) {
            return Optional.empty();
        }
        return Optional.of("prop:" + expression.substring(2, expression.length() - 1));
    }

    /** The declared type (as written) of a local, parameter or field visible at {@code from}. */
    private Optional<String> declaredType(Node from, String name) {
        Optional<String> parameter = from.findAncestor(CallableDeclaration.class).flatMap(c -> parameter(c, name))
                .map(p -> JavaFile.erasure(((Parameter) p).getType()));
        return variable(from, name).map(v -> JavaFile.erasure(v.getType())).or(() -> parameter);
    }

    private Optional<VariableDeclarator> variable(Node from, String name) {
        Optional<VariableDeclarator> local = from.findAncestor(BodyDeclaration.class).flatMap(body -> ((Node) body)
                .findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name)).stream().findFirst());
        return local.or(() -> file.enclosingType(from).flatMap(type -> file.field(type, name)));
    }
}
