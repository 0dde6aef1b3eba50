package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.tenet.rules.engine.JavaFile;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a catch block that swallows the failure: it does nothing but log, count, print the stack
 * trace, acknowledge or return — no rethrow, no dead-letter publish, no nack, no recovery.
 */
final class SwallowingCatches {
    private static final Pattern LOGGER = Pattern.compile("(?i)(.*\\.)?(log|logger|slf4j|System\\.(err|out))");
    private static final Pattern METRICS = Pattern.compile("(?i).*(metric|meter|counter|stats|telemetry).*");
    private static final Set<String> COUNTING = Set.of("increment", "inc", "incrementAndGet", "getAndIncrement");
    private static final Set<String> HARMLESS = Set.of("printStackTrace", "acknowledge");
    private static final Set<String> NOT_A_MESSAGE_FAILURE = Set.of("InterruptedException");

    private SwallowingCatches() {
    }

    /** Whether the catch only logs or counts a failure of real work in its try block. */
    static boolean swallows(CatchClause clause) {
        String caught = JavaFile.simpleName(JavaFile.erasure(clause.getParameter().getType()));
        BlockStmt tried = clause.getParentNode().filter(TryStmt.class::isInstance).map(t -> ((TryStmt) t).getTryBlock())
                .orElseGet(BlockStmt::new);
        return !NOT_A_MESSAGE_FAILURE.contains(caught) && !onlyLogs(tried) && onlyLogs(clause.getBody());
    }

    private static boolean onlyLogs(BlockStmt block) {
        for (Statement statement : block.getStatements()) {
            boolean logs = statement instanceof EmptyStmt || statement instanceof ContinueStmt
                    || statement instanceof ReturnStmt ret && ret.getExpression().isEmpty()
                    || statement instanceof ExpressionStmt expression && expression.getExpression() instanceof MethodCallExpr call
                    && logsOrCounts(call);
            if (!logs) {
                return false;
            }
        }
        return true;
    }

    private static boolean logsOrCounts(MethodCallExpr call) {
        Expression root = JavaFile.chainRoot(call);
        String rootText = root == call ? "" : JavaFile.shortText(root);
        String name = call.getNameAsString();
        return LOGGER.matcher(rootText).matches() || HARMLESS.contains(name)
                || COUNTING.contains(name) || METRICS.matcher(rootText).matches();
    }
}
