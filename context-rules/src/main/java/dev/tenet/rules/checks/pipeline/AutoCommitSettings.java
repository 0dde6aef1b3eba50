package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.PropertyEntry;
import dev.tenet.rules.engine.ScanSink;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where Kafka consumer auto-commit is switched on, by configuration only: Spring properties, the
 * consumer properties a {@code @Bean} or {@code @Configuration} method (or one that builds a consumer
 * factory) puts {@code ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG} into, or a {@code @KafkaListener}'s
 * {@code properties} attribute. A string such as {@code "enable.auto.commit=true"} anywhere else in
 * Java code (a log line, a test's fixture) is not configuration.
 */
final class AutoCommitSettings {
    static final String FACT = "auto-commit";
    private static final String KEY = "enable.auto.commit";
    /** Files that may switch auto-commit on mention its key or its constant. */
    static final Prefilter PREFILTER = Prefilter.anyWord("ENABLE_AUTO_COMMIT", KEY);
    private static final String CONSUMER_CONFIG = "org.apache.kafka.clients.consumer.ConsumerConfig";
    private static final String KEY_CONSTANT = "ENABLE_AUTO_COMMIT_CONFIG";
    private static final String BEAN = "org.springframework.context.annotation.Bean";
    private static final String CONFIGURATION = "org.springframework.context.annotation.Configuration";
    private static final String LISTENER = "org.springframework.kafka.annotation.KafkaListener";
    /** Types a consumer's properties are handed to: a method that builds one is configuration. */
    private static final Set<String> CONSUMER_BUILDERS = Set.of("org.springframework.kafka.core.DefaultKafkaConsumerFactory",
            "org.springframework.kafka.core.ConsumerFactory", "org.apache.kafka.clients.consumer.KafkaConsumer",
            "org.springframework.kafka.listener.ContainerProperties",
            "org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory");
    private static final Pattern INLINE = Pattern.compile("enable\\.auto\\.commit\\s*[=:]\\s*true", Pattern.CASE_INSENSITIVE);

    private AutoCommitSettings() {
    }

    /** Phase one: records each place a Java configuration switches auto-commit on. */
    static void record(JavaFile file, ScanSink sink) {
        for (MethodDeclaration method : file.all(MethodDeclaration.class, m -> configures(file, m))) {
            for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
                NodeList<Expression> args = call.getArguments();
                for (int i = 0; i + 1 < args.size(); i++) {
                    if (isKey(file, args.get(i)) && isTrue(args.get(i + 1))) {
                        sink.fact(FACT, KEY, call.getNameAsString(), call);
                    }
                }
            }
        }
        for (NormalAnnotationExpr listener : file.all(NormalAnnotationExpr.class,
                a -> WrittenTypes.is(file, a.getNameAsString(), LISTENER))) {
            listener.getPairs().stream().filter(p -> p.getNameAsString().equals("properties"))
                    .flatMap(p -> p.getValue().findAll(StringLiteralExpr.class).stream())
                    .filter(literal -> INLINE.matcher(literal.getValue()).find())
                    .forEach(literal -> sink.fact(FACT, KEY, literal.getValue(), literal));
        }
    }

    /** Whether a Spring property switches auto-commit on. */
    static boolean enables(PropertyEntry property) {
        String key = property.key().toLowerCase(Locale.ROOT).replace("-", "").replace("[", "").replace("]", "");
        return (key.endsWith("consumer.enableautocommit") || key.endsWith(KEY)) && property.value().strip().equalsIgnoreCase("true");
    }

    /** A {@code @Bean} method, a method of a {@code @Configuration} class, or one that builds a consumer or its factory. */
    private static boolean configures(JavaFile file, MethodDeclaration method) {
        if (WrittenTypes.annotated(file, method, BEAN)) {
            return true;
        }
        if (method.getParentNode().filter(p -> p instanceof TypeDeclaration<?> type && WrittenTypes.annotated(file, type, CONFIGURATION))
                .isPresent()) {
            return true;
        }
        return WrittenTypes.among(file, JavaFile.erasure(method.getType()), CONSUMER_BUILDERS).isPresent()
                || method.findAll(ObjectCreationExpr.class).stream()
                .anyMatch(c -> WrittenTypes.among(file, JavaFile.erasure(c.getType()), CONSUMER_BUILDERS).isPresent());
    }

    private static boolean isKey(JavaFile file, Expression expression) {
        if (expression instanceof FieldAccessExpr access && access.getNameAsString().equals(KEY_CONSTANT)) {
            return WrittenTypes.is(file, JavaFile.shortText(access.getScope()), CONSUMER_CONFIG);
        }
        if (expression instanceof NameExpr name && name.getNameAsString().equals(KEY_CONSTANT)) {
            return WrittenTypes.staticallyImported(file, CONSUMER_CONFIG, KEY_CONSTANT);
        }
        return expression instanceof StringLiteralExpr literal && literal.getValue().equals(KEY);
    }

    private static boolean isTrue(Expression expression) {
        if (expression instanceof StringLiteralExpr literal) {
            return literal.getValue().equalsIgnoreCase("true");
        }
        return expression instanceof BooleanLiteralExpr bool ? bool.getValue() : JavaFile.shortText(expression).equals("Boolean.TRUE");
    }
}
