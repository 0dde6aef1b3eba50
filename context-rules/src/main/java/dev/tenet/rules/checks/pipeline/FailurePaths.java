package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.effects.MethodEffects;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Loggers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows the paths through a block of code that handles a failure (a catch block, a send callback's
 * failure branch, a helper it calls) and tells for each what becomes of the failure, by structure and
 * resolved types only: {@link Outcome#HANDED} when it is rethrown (wrapped or not), sent on with a
 * Kafka send (a dead-letter topic), {@code nack}ed, or given to an error handler or recoverer;
 * {@link Outcome#QUIET} when the path does nothing but log (a logger resolved to its type, Lombok's
 * generated {@code log}), count in a metric, print, acknowledge or return; {@link Outcome#UNKNOWN}
 * for anything else, which is never reported. A quiet path may depend on calls into the codebase's
 * own methods: phase two tells what those do.
 */
final class FailurePaths {
    /** What one path does with the failure. */
    enum Outcome { QUIET, HANDED, UNKNOWN }

    /**
     * One path: its outcome and, for a quiet one, the calls into other methods whose own outcome decides
     * it ({@code line:column}).
     */
    record Path(Outcome outcome, List<String> dependsOn, boolean ended) {
        /** The path after a step; once the failure is handed on, or the path cannot be told, what follows changes nothing. */
        Path then(Outcome next) {
            Outcome merged = outcome == Outcome.HANDED || next == Outcome.HANDED ? Outcome.HANDED
                    : outcome == Outcome.UNKNOWN || next == Outcome.UNKNOWN ? Outcome.UNKNOWN : Outcome.QUIET;
            return new Path(merged, dependsOn, ended || merged != Outcome.QUIET);
        }

        Path depending(String call) {
            List<String> calls = new ArrayList<>(dependsOn);
            calls.add(call);
            return new Path(outcome, calls, ended);
        }

        Path end() {
            return new Path(outcome, dependsOn, true);
        }

        /** The calls written for a fact: {@code -} for none. */
        String encoded() {
            return dependsOn.isEmpty() ? "-" : String.join(",", dependsOn);
        }
    }

    static final Set<String> LOGGERS = Loggers.LOGGER_TYPES;
    private static final Set<String> LOGGER_FACTORIES = Set.of("org.slf4j.LoggerFactory", "org.apache.logging.log4j.LogManager",
            "org.apache.commons.logging.LogFactory", "java.util.logging.Logger", "org.jboss.logging.Logger");
    private static final Set<String> LOMBOK_LOGS = Loggers.LOMBOK_LOGGERS;
    private static final Set<String> METRICS = Set.of("io.micrometer.core.instrument.MeterRegistry", "io.micrometer.core.instrument.Counter",
            "io.micrometer.core.instrument.Timer", "io.micrometer.core.instrument.DistributionSummary", "io.micrometer.core.instrument.Gauge",
            "io.micrometer.core.instrument.Metrics", "io.micrometer.core.instrument.LongTaskTimer", "io.prometheus.client.Counter",
            "io.prometheus.client.Gauge", "io.prometheus.client.Histogram");
    private static final String ACKNOWLEDGMENT = "org.springframework.kafka.support.Acknowledgment";
    /** Types whose every call hands the failed record on: the container's error handlers and recoverers. */
    private static final Set<String> HANDLERS = Set.of("org.springframework.kafka.listener.CommonErrorHandler",
            "org.springframework.kafka.listener.DefaultErrorHandler", "org.springframework.kafka.listener.ConsumerRecordRecoverer",
            "org.springframework.kafka.listener.DeadLetterPublishingRecoverer", "org.springframework.kafka.listener.KafkaListenerErrorHandler",
            "org.springframework.kafka.listener.ConsumerAwareListenerErrorHandler", "org.springframework.retry.RecoveryCallback");
    private static final int MAX_PATHS = 64;

    private final JavaFile file;
    private final EffectModel model;
    private final Set<String> neutralNames;
    private final boolean nullReturnIsQuiet;

    /**
     * @param neutralNames      variables whose calls do nothing to the failure (the caught exception)
     * @param nullReturnIsQuiet whether {@code return null} ends a path quietly (a callback's), rather than telling a caller
     */
    FailurePaths(JavaFile file, EffectModel model, Set<String> neutralNames, boolean nullReturnIsQuiet) {
        this.file = file;
        this.model = model;
        this.neutralNames = neutralNames;
        this.nullReturnIsQuiet = nullReturnIsQuiet;
    }

    /** The paths through a block, or a single unknown path when there are too many to follow. */
    List<Path> of(Statement block) {
        List<Path> paths = run(List.of(block), List.of(new Path(Outcome.QUIET, List.of(), false)));
        return paths.size() > MAX_PATHS ? List.of(new Path(Outcome.UNKNOWN, List.of(), true)) : paths;
    }

    /** Whether every statement of a block only logs or counts (a try block around logging is not real work). */
    boolean onlyLogs(BlockStmt block) {
        return block.getStatements().stream().allMatch(s -> s instanceof ExpressionStmt e && e.getExpression() instanceof MethodCallExpr call
                && classify(call) == Call.NEUTRAL);
    }

    private List<Path> run(List<Statement> statements, List<Path> start) {
        List<Path> paths = start;
        for (Statement statement : statements) {
            if (paths.size() > MAX_PATHS) {
                return paths;
            }
            List<Path> next = new ArrayList<>();
            for (Path path : paths) {
                next.addAll(path.ended() ? List.of(path) : step(statement, path));
            }
            paths = next;
        }
        return paths;
    }

    private List<Path> step(Statement statement, Path path) {
        if (statement instanceof BlockStmt block) {
            return run(block.getStatements(), List.of(path));
        }
        if (statement instanceof ThrowStmt) {
            return List.of(path.then(Outcome.HANDED).end());
        }
        if (statement instanceof ReturnStmt ret) {
            boolean quiet = ret.getExpression().isEmpty() || nullReturnIsQuiet && ret.getExpression().get() instanceof NullLiteralExpr;
            return List.of((quiet ? path : path.then(Outcome.UNKNOWN)).end());
        }
        if (statement instanceof ContinueStmt || statement instanceof BreakStmt) {
            return List.of(path.end());
        }
        if (statement instanceof EmptyStmt) {
            return List.of(path);
        }
        if (statement instanceof IfStmt ifStmt) {
            List<Path> branches = new ArrayList<>(run(List.of(ifStmt.getThenStmt()), List.of(path)));
            branches.addAll(ifStmt.getElseStmt().map(e -> run(List.of(e), List.of(path))).orElse(List.of(path)));
            return branches;
        }
        if (statement instanceof ExpressionStmt expression) {
            return List.of(expression(expression.getExpression(), path));
        }
        return List.of(path.then(Outcome.UNKNOWN));
    }

    private Path expression(Expression expression, Path path) {
        if (expression instanceof MethodCallExpr call) {
            return switch (classify(call)) {
                case NEUTRAL -> path;
                case HANDS_ON -> path.then(Outcome.HANDED);
                case CODEBASE -> path.depending(position(call));
                case OTHER -> path.then(Outcome.UNKNOWN);
            };
        }
        if (expression instanceof VariableDeclarationExpr declaration) {
            boolean neutral = declaration.findAll(MethodCallExpr.class).stream().allMatch(c -> classify(c) == Call.NEUTRAL
                    || c.getScope().filter(s -> s instanceof NameExpr n && neutralNames.contains(n.getNameAsString())).isPresent());
            return neutral ? path : path.then(Outcome.UNKNOWN);
        }
        return path.then(Outcome.UNKNOWN);
    }

    /** What a call does to a failure it is given. */
    enum Call { NEUTRAL, HANDS_ON, CODEBASE, OTHER }

    Call classify(MethodCallExpr call) {
        Expression root = JavaFile.chainRoot(call);
        if (root instanceof NameExpr name && neutralNames.contains(name.getNameAsString())) {
            return Call.NEUTRAL;
        }
        if (root == call || root instanceof ThisExpr) {
            // An unqualified call (or one on this): one of the codebase's own methods, judged in phase two.
            return call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr ? Call.CODEBASE : Call.OTHER;
        }
        if (isPrintStream(root)) {
            return Call.NEUTRAL;
        }
        String written = file.typeOf(root);
        if (written == null && root instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            written = file.typeOf(access);
        }
        if (written == null) {
            return root instanceof NameExpr name && name.getNameAsString().equals("log") && lombokLogger(root) ? Call.NEUTRAL : Call.OTHER;
        }
        if (WrittenTypes.among(file, written, LOGGERS).isPresent() || WrittenTypes.among(file, written, LOGGER_FACTORIES).isPresent()
                || WrittenTypes.among(file, written, METRICS).isPresent()) {
            return Call.NEUTRAL;
        }
        if (WrittenTypes.is(file, written, ACKNOWLEDGMENT)) {
            return call.getNameAsString().equals("nack") ? Call.HANDS_ON : Call.NEUTRAL;
        }
        if (WrittenTypes.among(file, written, HANDLERS).isPresent() || sends(written, call)) {
            return Call.HANDS_ON;
        }
        if (file.frameworkType(written, model) != null || written.startsWith("java.") || Character.isLowerCase(written.charAt(0))) {
            return Call.OTHER;
        }
        // A field, parameter or local of a type the model does not know: perhaps the codebase's own, judged in phase two
        // when the call is made directly on it.
        return call.getScope().filter(s -> s == root).isPresent() ? Call.CODEBASE : Call.OTHER;
    }

    /** Whether a call chain on a receiver of this written type publishes to Kafka, as the effect model says. */
    private boolean sends(String written, MethodCallExpr call) {
        String type = file.frameworkType(written, model);
        for (MethodCallExpr link : chain(call)) {
            if (type == null) {
                return false;
            }
            Optional<MethodEffects> spec = model.lookup(type, link.getNameAsString(), link.getArguments().size());
            if (spec.isEmpty()) {
                return false;
            }
            if (spec.get().effects().contains("kafka-send")) {
                return true;
            }
            type = spec.get().returns();
        }
        return false;
    }

    /** Whether {@code expression} is a call chain that starts with a Kafka send ({@code template.send(...)}). */
    boolean isSend(Expression expression) {
        if (expression instanceof NameExpr name) {
            return variableInitializer(expression, name.getNameAsString()).filter(this::isSend).isPresent();
        }
        if (!(expression instanceof MethodCallExpr call)) {
            return false;
        }
        Expression root = JavaFile.chainRoot(call);
        String written = root == call ? null : file.typeOf(root);
        return written != null && sends(written, call);
    }

    private Optional<Expression> variableInitializer(Node from, String name) {
        return from.findAncestor(CallableDeclaration.class).flatMap(callable -> callable
                .findAll(com.github.javaparser.ast.body.VariableDeclarator.class, v -> v.getNameAsString().equals(name)).stream()
                .findFirst().flatMap(v -> v.getInitializer()));
    }

    private static List<MethodCallExpr> chain(MethodCallExpr call) {
        List<MethodCallExpr> calls = new ArrayList<>();
        Expression current = call;
        while (current instanceof MethodCallExpr link) {
            calls.add(0, link);
            current = link.getScope().orElse(null);
        }
        return calls;
    }

    private boolean isPrintStream(Expression root) {
        return root instanceof FieldAccessExpr access && access.getScope() instanceof NameExpr system
                && system.getNameAsString().equals("System") && (access.getNameAsString().equals("out") || access.getNameAsString().equals("err"))
                && WrittenTypes.is(file, "System", "java.lang.System");
    }

    /** {@code log} with no such variable in scope, in a type Lombok gives a logger. */
    private boolean lombokLogger(Node at) {
        Optional<Node> current = at.getParentNode();
        while (current.isPresent()) {
            if (current.get() instanceof TypeDeclaration<?> type && LOMBOK_LOGS.stream().anyMatch(a -> WrittenTypes.annotated(file, type, a))) {
                return true;
            }
            current = current.get().getParentNode();
        }
        return false;
    }

    /** {@code line:column} of a call, as the method's model keeps it. */
    static String position(MethodCallExpr call) {
        return call.getBegin().map(p -> p.line + ":" + p.column).orElse("0:0");
    }

    /** Whether code at {@code node} runs in work handed to another thread (an executor task, a Reactor operator), not on the method's own. */
    boolean handedOff(Node node) {
        Optional<Node> current = node.getParentNode();
        Node child = node;
        while (current.isPresent() && !(current.get() instanceof CallableDeclaration)) {
            Node parent = current.get();
            boolean function = child instanceof LambdaExpr || child instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent();
            if (function && parent instanceof MethodCallExpr call && call.getArguments().contains(child) && handsOff(call)) {
                return true;
            }
            child = parent;
            current = parent.getParentNode();
        }
        return false;
    }

    private boolean handsOff(MethodCallExpr call) {
        Expression root = JavaFile.chainRoot(call);
        String type = root == call ? null : file.frameworkType(file.typeOf(root), model);
        for (MethodCallExpr link : chain(call)) {
            if (type == null) {
                return false;
            }
            if (type.startsWith("reactor.core.publisher.")) {
                return true;
            }
            Optional<MethodEffects> spec = model.lookup(type, link.getNameAsString(), link.getArguments().size());
            if (spec.isEmpty()) {
                return false;
            }
            if (link == call && spec.get().effects().contains("handoff")) {
                return true;
            }
            type = spec.get().returns();
        }
        return false;
    }

    /** The distinct calls a set of paths depends on. */
    static Set<String> dependencies(List<Path> paths) {
        Set<String> calls = new LinkedHashSet<>();
        paths.forEach(p -> calls.addAll(p.dependsOn()));
        return calls;
    }
}
