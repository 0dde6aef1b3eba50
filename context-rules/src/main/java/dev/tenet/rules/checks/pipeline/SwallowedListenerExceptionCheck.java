package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.ScanSink;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A catch block on a Kafka listener's path (the listener and the methods of its own class it calls)
 * that only logs or counts the failure: the record is dropped silently and its offset committed.
 */
public final class SwallowedListenerExceptionCheck implements Check {
    public static final String ID = "swallowed-listener-exception";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String source) {
        return KafkaListeners.mentionsListener(source) && source.contains("catch");
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        if (TestSources.contains(file.path())) {
            return;
        }
        Set<MethodDeclaration> inspected = Collections.newSetFromMap(new IdentityHashMap<>());
        for (MethodDeclaration listener : KafkaListeners.in(file)) {
            Deque<MethodDeclaration> queue = new ArrayDeque<>();
            queue.add(listener);
            while (!queue.isEmpty()) {
                MethodDeclaration method = queue.poll();
                if (!inspected.add(method)) {
                    continue;
                }
                for (CatchClause clause : method.findAll(CatchClause.class)) {
                    if (SwallowingCatches.swallows(clause)) {
                        sink.hitOnFirstLine(clause, message(listener, method), "Rethrow (or do not catch) so the container's error handler"
                                + " retries and dead-letters the record, or publish it to the dead-letter topic here before moving on.");
                    }
                }
                queue.addAll(sameClassCallees(method));
            }
        }
    }

    private static String message(MethodDeclaration listener, MethodDeclaration method) {
        String type = method.getParentNode().filter(TypeDeclaration.class::isInstance)
                .map(t -> ((TypeDeclaration<?>) t).getNameAsString() + "#").orElse("");
        String where = listener == method ? "Listener " + type + listener.getNameAsString()
                : type + method.getNameAsString() + ", called by listener " + type + listener.getNameAsString() + ",";
        return where + " catches the failure and only logs it: no rethrow, no dead-letter publish, no nack,"
                + " so the record is dropped silently and its offset committed";
    }

    /** Methods of the same class called unqualified or on {@code this}, matched by name and arity. */
    private static List<MethodDeclaration> sameClassCallees(MethodDeclaration method) {
        if (!(method.getParentNode().orElse(null) instanceof TypeDeclaration<?> type)) {
            return List.of();
        }
        return method.findAll(MethodCallExpr.class).stream()
                .filter(call -> call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr)
                .flatMap(call -> type.getMethodsByName(call.getNameAsString()).stream()
                        .filter(candidate -> candidate.getParameters().size() == call.getArguments().size()))
                .toList();
    }
}
