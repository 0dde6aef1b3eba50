package dev.tenet.rules.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.EffectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Structural questions about where a call sits, answered from the tree alone: whether its answer
 * decides if the work goes on (a guard), whether a loop retries a failing call, and whether code in
 * a lambda runs on another thread.
 */
final class ControlFlow {
    /** Exceptions a database throws when a unique key is hit: catching one around an insert makes the insert a claim. */
    /** Wrappers whose value is the call's answer: {@code Boolean.TRUE.equals(c)}, {@code c.isPresent()}. */
    private static final Set<String> ANSWER_WRAPPERS = Set.of("equals", "isPresent", "isEmpty", "booleanValue", "isTrue",
            "isFalse", "orElse", "intValue", "longValue", "get");
    /** Types of a local that holds an answer (a flag, a count, the ids found) rather than an object to work on. */
    private static final Set<String> ANSWER_TYPES = Set.of("boolean", "Boolean", "int", "Integer", "long", "Long",
            "List", "Set", "Collection", "Optional");
    /** JDBC statement calls that write and leave their update count on the statement. */
    private static final Set<String> STATEMENT_WRITES = Set.of("executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch", "execute");
    private static final Set<String> UPDATE_COUNTS = Set.of("getUpdateCount", "getLargeUpdateCount");
    private static final Set<String> JDBC_STATEMENTS = Set.of("Statement", "PreparedStatement", "CallableStatement");
    private static final Set<String> REACTIVE_TYPES = Set.of("reactor.core.publisher.Mono", "reactor.core.publisher.Flux");

    private ControlFlow() {
    }

    /**
     * Whether a call's answer decides whether the work goes on: it is tested by an {@code if} or a
     * ternary (directly, negated, compared, or through a boolean or count local it was stored in), it is
     * compared and returned to the caller, it is a JDBC statement's write whose update count, read from the statement
     * after it, decides so, or it is an insert whose duplicate-key exception is caught.
     */
    static boolean decidesExit(JavaFile file, MethodCallExpr call, Set<String> testedNames) {
        Node answer = call;
        Optional<Node> parent = answer.getParentNode();
        while (parent.isPresent() && carriesAnswer(parent.get(), answer)) {
            answer = parent.get();
            parent = answer.getParentNode();
        }
        if (parent.isEmpty()) {
            return false;
        }
        Node holder = parent.get();
        if (holder instanceof IfStmt ifStmt && ifStmt.getCondition() == answer
                || holder instanceof ConditionalExpr ternary && ternary.getCondition() == answer) {
            return true;
        }
        if (holder instanceof ReturnStmt && answer != call) {
            // return jdbc.update(INSERT_IGNORE, id) == 1: the caller decides on the answer (a claim kept in a helper).
            return true;
        }
        String stored = holder instanceof VariableDeclarator variable && ANSWER_TYPES.contains(JavaFile.erasure(variable.getType()))
                ? variable.getNameAsString() : null;
        if (stored != null && testedNames.contains(stored)) {
            return true;
        }
        return decidedByItsUpdateCount(file, call, testedNames) || insideDuplicateKeyCatch(file, call);
    }

    /**
     * {@code insert.executeBatch(); return insert.getUpdateCount() == rows;}: the count of rows the write changed, read
     * from its statement later in the same method or lambda, decides whether the work goes on.
     */
    private static boolean decidedByItsUpdateCount(JavaFile file, MethodCallExpr call, Set<String> testedNames) {
        if (!STATEMENT_WRITES.contains(call.getNameAsString()) || !(call.getScope().orElse(null) instanceof NameExpr statement)) {
            return false;
        }
        String type = file.typeOf(statement);
        if (type != null && !JDBC_STATEMENTS.contains(JavaFile.simpleName(type))) {
            return false;
        }
        Node body = call;
        while (body.getParentNode().isPresent() && !(body instanceof CallableDeclaration) && !(body instanceof LambdaExpr)) {
            body = body.getParentNode().get();
        }
        return body.findAll(MethodCallExpr.class, count -> UPDATE_COUNTS.contains(count.getNameAsString())
                        && count.getScope().filter(scope -> scope instanceof NameExpr name && name.getName().equals(statement.getName())).isPresent()
                        && count.getBegin().flatMap(begin -> call.getBegin().map(begin::isAfter)).orElse(false))
                .stream().anyMatch(count -> decidesExit(file, count, testedNames));
    }

    private static boolean carriesAnswer(Node parent, Node child) {
        if (parent instanceof UnaryExpr unary) {
            return unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT;
        }
        if (parent instanceof EnclosedExpr) {
            return true;
        }
        if (parent instanceof BinaryExpr binary) {
            return binary.getOperator() != BinaryExpr.Operator.PLUS && binary.getOperator() != BinaryExpr.Operator.MINUS;
        }
        if (parent instanceof MethodCallExpr wrapper && ANSWER_WRAPPERS.contains(wrapper.getNameAsString())) {
            return wrapper.getScope().filter(s -> s == child).isPresent() || wrapper.getArguments().contains(child);
        }
        return false;
    }

    /** The names read by the conditions of a method's {@code if}s, once per method. */
    static Set<String> namesTestedByIfs(List<IfStmt> ifs) {
        Set<String> names = new java.util.HashSet<>();
        for (IfStmt ifStmt : ifs) {
            ifStmt.getCondition().findAll(NameExpr.class).forEach(n -> names.add(n.getNameAsString()));
        }
        return names;
    }

    private static boolean insideDuplicateKeyCatch(JavaFile file, Node call) {
        Optional<Node> current = call.getParentNode();
        Node child = call;
        while (current.isPresent() && !(current.get() instanceof CallableDeclaration) && !(current.get() instanceof LambdaExpr)) {
            if (current.get() instanceof TryStmt tryStmt && tryStmt.getTryBlock() == child) {
                for (CatchClause clause : tryStmt.getCatchClauses()) {
                    if (clause.getParameter().getType().findAll(ClassOrInterfaceType.class).stream()
                            .anyMatch(type -> file.standsForAny(type.getNameWithScope(), DuplicateKeys.EXCEPTIONS))
                            && skips(file, clause)) {
                        return true;
                    }
                }
            }
            child = current.get();
            current = child.getParentNode();
        }
        return false;
    }

    /**
     * Whether a catch skips the work: it is empty, ends by leaving ({@code return}, {@code throw} — a
     * duplicate signalled to the caller —, {@code continue}, {@code break}), or only logs. A catch that goes on working (an insert-or-update: the duplicate
     * means "the row is there, update it") is no dedup.
     */
    private static boolean skips(JavaFile file, CatchClause clause) {
        List<Statement> statements = clause.getBody().getStatements();
        if (statements.isEmpty()) {
            return true;
        }
        Statement last = statements.get(statements.size() - 1);
        boolean leaves = last instanceof ReturnStmt || last instanceof ThrowStmt || last instanceof com.github.javaparser.ast.stmt.ContinueStmt
                || last instanceof BreakStmt;
        for (int i = 0; i < statements.size() - (leaves ? 1 : 0); i++) {
            Statement statement = statements.get(i);
            if (!(statement.isExpressionStmt() && statement.asExpressionStmt().getExpression() instanceof MethodCallExpr call
                    && Loggers.isLogging(file, call))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Loops that retry a failing call in place, told by their shape: a {@code try} inside the loop
     * leaves the loop when the call succeeds (a {@code break}, a {@code return}, or setting a
     * variable the loop's condition reads) and a {@code catch} that goes round again.
     */
    static List<EffectRef> retryLoops(Node body, List<Statement> loops) {
        List<EffectRef> effects = new ArrayList<>();
        for (Statement loop : loops) {
            if (insideLambda(loop, body)) {
                continue;
            }
            Expression condition = loop instanceof WhileStmt w ? w.getCondition()
                    : loop instanceof DoStmt d ? d.getCondition() : ((ForStmt) loop).getCompare().orElse(null);
            Statement loopBody = loop instanceof WhileStmt w ? w.getBody() : loop instanceof DoStmt d ? d.getBody() : ((ForStmt) loop).getBody();
            boolean retries = loopBody.findAll(TryStmt.class).stream()
                    .filter(t -> nearestLoop(t) == loop)
                    .anyMatch(t -> leavesOnSuccess(t.getTryBlock(), condition) && t.getCatchClauses().stream().anyMatch(ControlFlow::goesRound));
            if (retries) {
                int line = loop.getBegin().map(p -> p.line).orElse(1);
                int column = loop.getBegin().map(p -> p.column).orElse(0);
                String text = condition == null ? "true" : ScanSink.normalize(condition.toString());
                effects.add(new EffectRef(Effect.RETRY_LOOP, line, column, "retry loop (" + text + ")"));
            }
        }
        return effects;
    }

    private static Node nearestLoop(Node node) {
        Optional<Node> current = node.getParentNode();
        while (current.isPresent()) {
            Node n = current.get();
            if (n instanceof WhileStmt || n instanceof DoStmt || n instanceof ForStmt || n instanceof com.github.javaparser.ast.stmt.ForEachStmt
                    || n instanceof LambdaExpr || n instanceof CallableDeclaration) {
                return n;
            }
            current = n.getParentNode();
        }
        return null;
    }

    private static boolean leavesOnSuccess(BlockStmt tryBlock, Expression condition) {
        for (Statement statement : tryBlock.getStatements()) {
            if (statement instanceof BreakStmt || statement instanceof ReturnStmt) {
                return true;
            }
            if (condition != null && statement.isExpressionStmt() && statement.asExpressionStmt().getExpression() instanceof AssignExpr assign
                    && assign.getTarget() instanceof NameExpr target
                    && condition.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals(target.getNameAsString()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean goesRound(CatchClause clause) {
        return clause.getBody().getStatements().stream()
                .noneMatch(s -> s instanceof ThrowStmt || s instanceof ReturnStmt || s instanceof BreakStmt);
    }

    private static boolean insideLambda(Node node, Node until) {
        Optional<Node> current = node.getParentNode();
        while (current.isPresent() && current.get() != until) {
            if (current.get() instanceof LambdaExpr) {
                return true;
            }
            current = current.get().getParentNode();
        }
        return false;
    }

    /**
     * Whether code at {@code node} runs on another thread than the method's: inside a lambda or
     * anonymous class handed to an executor, a {@code CompletableFuture.*Async}, a new thread, or a
     * Reactor operator.
     */
    static boolean runsOffThread(JavaFile file, Node node, EffectClassifier classifier) {
        Optional<Node> current = node.getParentNode();
        Node child = node;
        while (current.isPresent() && !(current.get() instanceof CallableDeclaration)) {
            Node parent = current.get();
            boolean handedOver = child instanceof LambdaExpr || child instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent();
            if (handedOver && parent instanceof MethodCallExpr call && call.getArguments().contains(child) && handsOff(call, classifier, file)) {
                return true;
            }
            if (handedOver && parent instanceof ObjectCreationExpr creation && "java.lang.Thread".equals(
                    file.frameworkType(JavaFile.erasure(creation.getType()), classifier.model()))) {
                return true;
            }
            child = parent;
            current = parent.getParentNode();
        }
        return false;
    }

    private static boolean handsOff(MethodCallExpr call, EffectClassifier classifier, JavaFile file) {
        Optional<Expression> scope = call.getScope();
        String type = scope.map(s -> classifier.typeOf(file, s)).orElse(null);
        if (type == null) {
            return false;
        }
        return REACTIVE_TYPES.contains(type) || classifier.model().lookup(type, call.getNameAsString(), call.getArguments().size())
                .filter(spec -> spec.effects().contains("handoff")).isPresent();
    }

    /**
     * Whether code at {@code node} runs after the surrounding transaction commits: inside an anonymous
     * TransactionSynchronization (its {@code afterCommit}), registered to run once the commit is done.
     */
    static boolean runsAfterCommit(JavaFile file, Node node, EffectClassifier classifier) {
        if (!file.mentions("TransactionSynchronization")) {
            return false;
        }
        Optional<Node> current = node.getParentNode();
        while (current.isPresent() && !(current.get() instanceof CallableDeclaration<?> callable && callable.getParentNode()
                .filter(p -> p instanceof com.github.javaparser.ast.body.TypeDeclaration).isPresent())) {
            if (current.get() instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
                String type = file.frameworkType(JavaFile.erasure(creation.getType()), classifier.model());
                if (type != null && classifier.model().has(type, "afterCommit", 0, "after-commit")) {
                    return true;
                }
            }
            current = current.get().getParentNode();
        }
        return false;
    }

    /** The method's {@code if}s outside lambdas, with which branches leave the method. */
    static List<dev.tenet.rules.model.Branch> branches(Node callable, List<IfStmt> ifs) {
        List<dev.tenet.rules.model.Branch> branches = new ArrayList<>();
        for (IfStmt ifStmt : ifs) {
            if (insideLambda(ifStmt, callable)) {
                continue;
            }
            Statement then = ifStmt.getThenStmt();
            Optional<Statement> otherwise = ifStmt.getElseStmt();
            int blockEnd = ifStmt.getParentNode().flatMap(Node::getEnd).map(p -> p.line).orElse(line(ifStmt, true));
            branches.add(new dev.tenet.rules.model.Branch(line(then, false), line(then, true), leaves(then),
                    otherwise.map(e -> line(e, false)).orElse(0), otherwise.map(e -> line(e, true)).orElse(0),
                    otherwise.map(ControlFlow::leaves).orElse(false), line(ifStmt, true), blockEnd));
        }
        return branches;
    }

    private static int line(Node node, boolean end) {
        return (end ? node.getEnd() : node.getBegin()).map(p -> p.line).orElse(0);
    }

    /** Whether a branch always leaves the method: its last statement returns or throws. */
    private static boolean leaves(Statement statement) {
        Statement last = statement instanceof BlockStmt block && !block.getStatements().isEmpty()
                ? block.getStatements().getLast().orElseThrow() : statement;
        return last instanceof ReturnStmt || last instanceof ThrowStmt;
    }
}
