package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.PropertyEntry;
import dev.tenet.rules.engine.ScanSink;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where Kafka consumer auto-commit is switched on: Spring properties, {@code props.put(...)} or
 * {@code Map.of(...)} in Java consumer config, or a listener's {@code properties} attribute.
 */
final class AutoCommitSettings {
    static final String FACT = "auto-commit";
    private static final String KEY = "enable.auto.commit";
    private static final Pattern INLINE = Pattern.compile("enable\\.auto\\.commit\\s*[=:]\\s*true", Pattern.CASE_INSENSITIVE);

    private AutoCommitSettings() {
    }

    static boolean mentioned(String source) {
        return source.contains("ENABLE_AUTO_COMMIT") || source.contains(KEY);
    }

    /** Phase one: records each place a Java file switches auto-commit on. */
    static void record(JavaFile file, ScanSink sink) {
        for (MethodCallExpr call : file.unit().findAll(MethodCallExpr.class)) {
            NodeList<Expression> args = call.getArguments();
            for (int i = 0; i + 1 < args.size(); i++) {
                if (isKey(args.get(i)) && isTrue(args.get(i + 1))) {
                    sink.fact(FACT, KEY, call.getNameAsString(), call);
                }
            }
        }
        for (StringLiteralExpr literal : file.unit().findAll(StringLiteralExpr.class)) {
            if (INLINE.matcher(literal.getValue()).find()) {
                sink.fact(FACT, KEY, literal.getValue(), literal);
            }
        }
    }

    /** Whether a Spring property switches auto-commit on. */
    static boolean enables(PropertyEntry property) {
        String key = property.key().toLowerCase(Locale.ROOT).replace("-", "").replace("[", "").replace("]", "");
        return (key.endsWith("consumer.enableautocommit") || key.endsWith(KEY)) && property.value().strip().equalsIgnoreCase("true");
    }

    private static boolean isKey(Expression expression) {
        return JavaFile.shortText(expression).endsWith("ENABLE_AUTO_COMMIT_CONFIG")
                || expression instanceof StringLiteralExpr literal && literal.getValue().equals(KEY);
    }

    private static boolean isTrue(Expression expression) {
        if (expression instanceof StringLiteralExpr literal) {
            return literal.getValue().equalsIgnoreCase("true");
        }
        return expression instanceof BooleanLiteralExpr bool ? bool.getValue() : JavaFile.shortText(expression).equals("Boolean.TRUE");
    }
}
