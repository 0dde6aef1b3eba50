package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.Type;
import dev.tenet.rules.checks.pipeline.FailurePaths.Outcome;
import dev.tenet.rules.checks.pipeline.FailurePaths.Path;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.engine.DuplicateKeys;
import dev.tenet.rules.engine.JavaFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Phase one of the swallowed-failure rule for one catch clause: which of its paths neither rethrow
 * nor hand the record on. A catch of a duplicate-key exception (resolved through the imports) skips a
 * duplicate on purpose and is never a swallow, nor is one of {@code InterruptedException} alone; a path
 * that falls out of the catch into a retry loop, or on to a later {@code throw}, is not judged.
 */
final class SwallowingCatches {
    /** Exceptions a store throws on a unique key: catching one is how an insert-first dedup skips a duplicate. */
    private static final String INTERRUPTED = "java.lang.InterruptedException";

    /** A catch's paths that swallow, each with the codebase calls its verdict still depends on. */
    record Verdict(List<Path> quiet) {
        boolean swallowsOutright() {
            return quiet.stream().anyMatch(p -> p.dependsOn().isEmpty());
        }

        String encoded() {
            return quiet.stream().map(Path::encoded).collect(Collectors.joining(";"));
        }
    }

    /** Where throws go: the exception type as written, {@code catch}, {@code if:FROM-TO} or {@code -}, the throw. */
    @FunctionalInterface
    interface Throws {
        void accept(String type, String where, ThrowStmt at);
    }

    private SwallowingCatches() {
    }

    /** The quiet paths of a catch clause, or empty when it cannot swallow a record's failure. */
    static Optional<Verdict> judge(JavaFile file, EffectModel model, CatchClause clause) {
        List<String> caught = caughtTypes(clause);
        if (caught.stream().allMatch(t -> WrittenTypes.is(file, t, INTERRUPTED))
                || caught.stream().anyMatch(t -> WrittenTypes.among(file, t, DuplicateKeys.EXCEPTIONS).isPresent())) {
            return Optional.empty();
        }
        FailurePaths paths = new FailurePaths(file, model, Set.of(clause.getParameter().getNameAsString()), false);
        TryStmt tryStmt = (TryStmt) clause.getParentNode().orElseThrow();
        if (paths.onlyLogs(tryStmt.getTryBlock()) || paths.handedOff(clause)) {
            return Optional.empty();
        }
        boolean fallThroughJudged = !insideRetryLoop(tryStmt) && !throwsLater(tryStmt);
        List<Path> quiet = paths.of(clause.getBody()).stream()
                .filter(p -> p.outcome() == Outcome.QUIET && (p.ended() || fallThroughJudged))
                .toList();
        return quiet.isEmpty() ? Optional.empty() : Optional.of(new Verdict(quiet));
    }

    /** The exception types a catch names, as written (a multi-catch names several). */
    static List<String> caughtTypes(CatchClause clause) {
        Type type = clause.getParameter().getType();
        if (type.isUnionType()) {
            return type.asUnionType().getElements().stream().map(JavaFile::erasure).toList();
        }
        return List.of(JavaFile.erasure(type));
    }

    /** Whether every type a catch names is one of the JDK's (so none can be the codebase's own dedup exception). */
    static boolean catchesOnlyJdkTypes(JavaFile file, CatchClause clause) {
        return caughtTypes(clause).stream()
                .allMatch(t -> file.qualify(t).startsWith("java.") || !t.contains(".") && file.qualify(t).equals(t)
                        && isJavaLang(t));
    }

    private static boolean isJavaLang(String simpleName) {
        try {
            return Class.forName("java.lang." + simpleName).getPackageName().equals("java.lang");
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A try in a loop that leaves the loop when the call succeeds: the catch goes round again. */
    private static boolean insideRetryLoop(TryStmt tryStmt) {
        Optional<Node> current = tryStmt.getParentNode();
        while (current.isPresent() && !(current.get() instanceof CallableDeclaration)) {
            Node node = current.get();
            if (node instanceof WhileStmt || node instanceof DoStmt || node instanceof ForStmt || node instanceof ForEachStmt) {
                Expression condition = node instanceof WhileStmt w ? w.getCondition()
                        : node instanceof DoStmt d ? d.getCondition() : node instanceof ForStmt f ? f.getCompare().orElse(null) : null;
                Set<String> read = condition == null ? Set.of()
                        : condition.findAll(NameExpr.class).stream().map(NameExpr::getNameAsString).collect(Collectors.toSet());
                boolean leaves = tryStmt.getTryBlock().findAll(Statement.class).stream().anyMatch(s -> s instanceof BreakStmt
                        || s instanceof ReturnStmt || s.isExpressionStmt() && s.asExpressionStmt().getExpression() instanceof AssignExpr a
                        && a.getTarget() instanceof NameExpr target && read.contains(target.getNameAsString()));
                if (leaves) {
                    return true;
                }
            }
            current = node.getParentNode();
        }
        return false;
    }

    /** Whether the method throws after the try statement (e.g. once retries are exhausted, or when a flag the catch left says so). */
    private static boolean throwsLater(TryStmt tryStmt) {
        int end = tryStmt.getEnd().map(p -> p.line).orElse(Integer.MAX_VALUE);
        return tryStmt.findAncestor(CallableDeclaration.class)
                .map(callable -> callable.findAll(ThrowStmt.class).stream()
                        .anyMatch(t -> t.getBegin().map(p -> p.line > end).orElse(false)))
                .orElse(false);
    }

    /**
     * Every throw of a new exception, for phase two: inside a catch of a duplicate-key exception
     * ({@code catch}, dedup code), in the branch of an {@code if} whose condition phase two may find to be
     * a dedup guard ({@code if:FROM-TO}, the condition's lines), or elsewhere ({@code -}).
     */
    static void recordThrows(JavaFile file, List<ThrowStmt> throwStmts, Throws facts) {
        for (ThrowStmt throwStmt : throwStmts) {
            if (!(throwStmt.getExpression() instanceof com.github.javaparser.ast.expr.ObjectCreationExpr created)) {
                continue;
            }
            String type = JavaFile.erasure(created.getType());
            Optional<CatchClause> inCatch = throwStmt.findAncestor(CatchClause.class);
            if (inCatch.isPresent() && caughtTypes(inCatch.get()).stream().anyMatch(t -> WrittenTypes.among(file, t, DuplicateKeys.EXCEPTIONS).isPresent())) {
                facts.accept(type, "catch", throwStmt);
                continue;
            }
            Optional<IfStmt> guard = throwStmt.findAncestor(IfStmt.class)
                    .filter(ifStmt -> ifStmt.getThenStmt().isAncestorOf(throwStmt) || ifStmt.getThenStmt() == throwStmt);
            facts.accept(type, guard.map(ifStmt -> "if:" + ifStmt.getCondition().getBegin().map(p -> p.line).orElse(0) + "-"
                    + ifStmt.getCondition().getEnd().map(p -> p.line).orElse(0)).orElse("-"), throwStmt);
        }
    }
}
