package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.tenet.rules.engine.CallGraph.Reach;
import dev.tenet.rules.engine.JavaFile;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells writes to a transactional outbox from other database writes: the call names an outbox (its
 * receiver, its receiver's type, its arguments or the SQL constant it passes), or it happens in an
 * outbox component.
 */
final class OutboxWrites {
    static final Pattern OUTBOX = Pattern.compile("(?i)outbox");

    private OutboxWrites() {
    }

    /** Phase one: whether a call's receiver (name or type), method name, arguments or SQL constant mention an outbox. */
    static boolean mentionsOutbox(JavaFile file, MethodCallExpr call) {
        Expression root = JavaFile.chainRoot(call);
        if (mentions(call.getNameAsString()) || mentions(JavaFile.shortText(root)) || mentions(file.typeOf(root))) {
            return true;
        }
        return call.getArguments().stream().anyMatch(argument -> argumentMentionsOutbox(file, argument));
    }

    private static boolean argumentMentionsOutbox(JavaFile file, Expression argument) {
        if (argument instanceof StringLiteralExpr literal) {
            return mentions(literal.getValue());
        }
        if (argument instanceof TextBlockLiteralExpr block) {
            return mentions(block.getValue());
        }
        if (argument instanceof NameExpr name) {
            return mentions(name.getNameAsString()) || mentions(file.typeOf(name)) || constantMentionsOutbox(file, name);
        }
        if (argument instanceof ObjectCreationExpr creation) {
            return mentions(JavaFile.erasure(creation.getType()));
        }
        return argument instanceof MethodCallExpr nested
                && (mentions(nested.getNameAsString()) || mentions(JavaFile.shortText(JavaFile.chainRoot(nested))));
    }

    private static boolean mentions(String text) {
        return text != null && OUTBOX.matcher(text).find();
    }

    /**
     * Phase two: whether a reached database write goes to the outbox.
     *
     * @param outboxCalls {@code path|line} of the calls phase one saw naming an outbox
     */
    static boolean isOutboxWrite(Reach write, Set<String> outboxCalls) {
        if (OUTBOX.matcher(write.effect().detail()).find()
                || outboxCalls.contains(write.at().file().path() + "|" + write.effect().line())) {
            return true;
        }
        return write.path().stream().skip(1)
                .anyMatch(step -> step.label().toLowerCase(Locale.ROOT).contains("outbox"));
    }

    private static boolean constantMentionsOutbox(JavaFile file, NameExpr name) {
        return file.enclosingType(name).map(type -> initializerOf(type, name.getNameAsString()))
                .filter(OutboxWrites::mentions).isPresent();
    }

    private static String initializerOf(TypeDeclaration<?> type, String field) {
        for (FieldDeclaration declaration : type.getFields()) {
            for (VariableDeclarator variable : declaration.getVariables()) {
                if (variable.getNameAsString().equals(field)) {
                    return variable.getInitializer().filter(Expression::isLiteralExpr).map(Expression::toString).orElse("");
                }
            }
        }
        return "";
    }
}
