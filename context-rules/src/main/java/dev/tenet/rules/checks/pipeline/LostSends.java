package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import dev.tenet.rules.checks.pipeline.FailurePaths.Outcome;
import dev.tenet.rules.checks.pipeline.FailurePaths.Path;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.ScanSink;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A producer that loses the event when the send fails: the failure branch of the send's callback
 * ({@code whenComplete}, {@code addCallback}'s failure callback, {@code exceptionally}) only logs, or a
 * catch around waiting for the send ({@code send(...).get()}, {@code .join()}) only logs. The send is
 * told by the effect model (a KafkaTemplate, Producer or StreamBridge resolved through the imports).
 */
final class LostSends {
    static final String FIX = "Let the failure reach the caller (rethrow, or return the future), or keep the event for a retry: write it to"
            + " an outbox and publish from there, or send it to a dead-letter topic.";
    private static final Set<String> CALLBACKS = Set.of("whenComplete", "addCallback", "exceptionally");
    private static final Set<String> WAITS = Set.of("get", "join");

    private LostSends() {
    }

    /** Reports send callbacks whose failure branch only logs. */
    static void callbacks(JavaFile file, EffectModel model, ScanSink sink) {
        if (CALLBACKS.stream().noneMatch(file::mentions)) {
            return;
        }
        for (MethodCallExpr call : file.all(MethodCallExpr.class, c -> CALLBACKS.contains(c.getNameAsString()))) {
            FailurePaths sends = new FailurePaths(file, model, Set.of(), true);
            if (call.getScope().isEmpty() || !sends.isSend(call.getScope().get()) || reachesTheCaller(call)) {
                continue;
            }
            failureBranch(call).ifPresent(branch -> {
                FailurePaths paths = new FailurePaths(file, model, Set.of(branch.exception()), true);
                List<Path> quiet = paths.of(branch.body()).stream().filter(p -> p.outcome() == Outcome.QUIET).toList();
                if (quiet.stream().anyMatch(p -> p.dependsOn().isEmpty())) {
                    sink.hitOnFirstLine(branch.body(), callbackMessage(call.getNameAsString()), FIX);
                } else if (!quiet.isEmpty()) {
                    sink.fact(SwallowedListenerExceptionCheck.SEND_CALLBACK, call.getNameAsString(),
                            quiet.stream().map(Path::encoded).collect(Collectors.joining(";")), branch.body());
                }
            });
        }
    }

    /**
     * Whether the send's future is handed back to the caller, who then learns of the failure: the callback
     * call (or the chain it starts) is returned, or the future it was registered on is returned later.
     */
    private static boolean reachesTheCaller(MethodCallExpr callback) {
        com.github.javaparser.ast.Node current = callback;
        while (current.getParentNode().isPresent() && carriesTheFuture(current.getParentNode().get(), current)) {
            current = current.getParentNode().get();
        }
        if (current.getParentNode().filter(p -> p instanceof com.github.javaparser.ast.stmt.ReturnStmt).isPresent()) {
            return true;
        }
        if (callback.getScope().orElse(null) instanceof NameExpr future) {
            return callback.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).map(body -> body
                    .findAll(com.github.javaparser.ast.stmt.ReturnStmt.class).stream()
                    .anyMatch(r -> r.getExpression().filter(e -> e instanceof NameExpr n && n.getNameAsString().equals(future.getNameAsString()))
                            .isPresent())).orElse(false);
        }
        return false;
    }

    private static boolean carriesTheFuture(com.github.javaparser.ast.Node parent, com.github.javaparser.ast.Node child) {
        return parent instanceof MethodCallExpr outer && outer.getScope().filter(scope -> scope == child).isPresent()
                || parent instanceof com.github.javaparser.ast.expr.EnclosedExpr;
    }

    /** Whether a catch waits for a send ({@code send(...).get()}, {@code .join()}) in its try block. */
    static boolean awaitsSend(JavaFile file, EffectModel model, CatchClause clause) {
        FailurePaths sends = new FailurePaths(file, model, Set.of(), true);
        TryStmt tryStmt = (TryStmt) clause.getParentNode().orElseThrow();
        return tryStmt.getTryBlock().findAll(MethodCallExpr.class, c -> WAITS.contains(c.getNameAsString())).stream()
                .anyMatch(wait -> wait.getScope().filter(sends::isSend).isPresent());
    }

    static String callbackMessage(String callback) {
        return "The send's failure callback (" + callback + ") only logs the failure, so an event Kafka did not take is lost and"
                + " nothing retries it";
    }

    static String awaitMessage() {
        return "The catch around waiting for the send only logs the failure, so an event Kafka did not take is lost and nothing retries it";
    }

    private record Branch(Statement body, String exception) {
    }

    private static Optional<Branch> failureBranch(MethodCallExpr call) {
        String name = call.getNameAsString();
        if (name.equals("whenComplete") && call.getArguments().size() == 1 && call.getArgument(0) instanceof LambdaExpr lambda
                && lambda.getParameters().size() == 2) {
            String exception = lambda.getParameter(1).getNameAsString();
            return lambda.getBody().findAll(IfStmt.class).stream().filter(i -> i.getParentNode().filter(p -> p == lambda.getBody()).isPresent())
                    .map(i -> branchOn(i, exception)).flatMap(Optional::stream).findFirst()
                    .map(body -> new Branch(body, exception));
        }
        if (name.equals("addCallback") && call.getArguments().size() == 2 && call.getArgument(1) instanceof LambdaExpr failure
                && failure.getParameters().size() == 1) {
            return Optional.of(new Branch(failure.getBody(), failure.getParameter(0).getNameAsString()));
        }
        if (name.equals("addCallback") && call.getArguments().size() == 1 && call.getArgument(0) instanceof ObjectCreationExpr callback) {
            return callback.getAnonymousClassBody().stream().flatMap(body -> body.stream())
                    .filter(member -> member instanceof MethodDeclaration m && m.getNameAsString().equals("onFailure")
                            && m.getParameters().size() == 1 && m.getBody().isPresent())
                    .map(member -> (MethodDeclaration) member).findFirst()
                    .map(m -> new Branch(m.getBody().get(), m.getParameter(0).getNameAsString()));
        }
        if (name.equals("exceptionally") && call.getArguments().size() == 1 && call.getArgument(0) instanceof LambdaExpr handler
                && handler.getParameters().size() == 1) {
            return Optional.of(new Branch(handler.getBody(), handler.getParameter(0).getNameAsString()));
        }
        return Optional.empty();
    }

    /** The branch of {@code if (ex != null) A else B} (or {@code ex == null}) that runs on failure. */
    private static Optional<Statement> branchOn(IfStmt ifStmt, String exception) {
        if (!(ifStmt.getCondition() instanceof BinaryExpr test) || !mentionsOnly(test, exception)) {
            return Optional.empty();
        }
        if (test.getOperator() == BinaryExpr.Operator.NOT_EQUALS) {
            return Optional.of(ifStmt.getThenStmt());
        }
        return test.getOperator() == BinaryExpr.Operator.EQUALS ? ifStmt.getElseStmt() : Optional.empty();
    }

    private static boolean mentionsOnly(BinaryExpr test, String exception) {
        Expression left = test.getLeft();
        Expression right = test.getRight();
        return left instanceof NameExpr n && n.getNameAsString().equals(exception) && right.isNullLiteralExpr()
                || right instanceof NameExpr m && m.getNameAsString().equals(exception) && left.isNullLiteralExpr();
    }
}
