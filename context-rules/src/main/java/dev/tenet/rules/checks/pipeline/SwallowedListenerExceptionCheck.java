package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.stmt.CatchClause;
import dev.tenet.rules.checks.pipeline.FailurePaths.Outcome;
import dev.tenet.rules.checks.pipeline.FailurePaths.Path;
import dev.tenet.rules.checks.pipeline.SwallowingCatches.Verdict;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.ScanSink;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A failure on the event path that is caught and only logged: a catch in a Kafka listener, or in a
 * method of the codebase the listener calls, that on some path neither rethrows nor hands the record
 * on (dead-letter send, nack, error handler) — the record is dropped and its offset committed; and a
 * producer whose send failure is only logged, which loses the event. Decided by structure and resolved
 * types, never by names: see {@link FailurePaths}.
 */
public final class SwallowedListenerExceptionCheck implements Check {
    public static final String ID = "swallowed-listener-exception";
    static final String CATCH = "catch";
    /** A catch around waiting for a send, whose verdict depends on codebase calls: reported wherever it is. */
    static final String SEND_CATCH = "send-catch";
    /** A send's failure callback whose verdict depends on codebase calls: reported wherever it is. */
    static final String SEND_CALLBACK = "send-callback";
    static final String QUIET = "quiet";
    static final String THROWS = "throws";
    static final String THROW = "throw";
    static final String FIX = "Rethrow (or do not catch) so the container's error handler retries and dead-letters the record,"
            + " or publish it to the dead-letter topic here before moving on.";
    private static final int MAX_HELPER_STATEMENTS = 12;
    private static final Set<String> THROWABLES = Set.of("java.lang.Throwable", "java.lang.Exception", "java.lang.RuntimeException",
            "java.lang.Error");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.anyWord("catch", "Log", "Slf4j", "throw");
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        EffectModel model = EffectModel.builtIn();
        LostSends.callbacks(file, model, sink);
        Set<MethodDeclaration> listeners = Collections.newSetFromMap(new IdentityHashMap<>());
        listeners.addAll(KafkaListeners.in(file));
        MethodsWithBodies methods = MethodsWithBodies.of(file);
        for (MethodDeclaration method : methods.all()) {
            for (CatchClause clause : methods.catchesOf(method)) {
                SwallowingCatches.judge(file, model, clause).ifPresent(verdict -> catchClause(file, model, sink, listeners.contains(method),
                        method, clause, verdict));
            }
            recordOutcome(file, model, sink, method);
            SwallowingCatches.recordThrows(file, methods.throwsIn(method), (type, where, at) -> sink.fact(THROW, type, where, at));
        }
    }

    private static void catchClause(JavaFile file, EffectModel model, ScanSink sink, boolean inListener, MethodDeclaration method,
                                    CatchClause clause, Verdict verdict) {
        if (inListener && verdict.swallowsOutright() && SwallowingCatches.catchesOnlyJdkTypes(file, clause)) {
            sink.hitOnFirstLine(clause, "Listener " + file.ownerOf(method.getName()) + " " + CatchReport.swallows(caught(clause)), FIX);
        } else if (LostSends.awaitsSend(file, model, clause)) {
            if (verdict.swallowsOutright()) {
                sink.hitOnFirstLine(clause, LostSends.awaitMessage(), LostSends.FIX);
            } else {
                sink.fact(SEND_CATCH, caught(clause), verdict.encoded(), clause);
            }
        } else {
            sink.fact(CATCH, caught(clause), verdict.encoded(), clause);
        }
    }

    /** A method that always throws, or only ever logs, for catches that call it (such helpers are short). */
    private static void recordOutcome(JavaFile file, EffectModel model, ScanSink sink, MethodDeclaration method) {
        if (method.getBody().orElseThrow().getStatements().size() > MAX_HELPER_STATEMENTS) {
            return;
        }
        Set<String> exceptions = method.getParameters().stream()
                .filter(p -> WrittenTypes.among(file, JavaFile.erasure(p.getType()), THROWABLES).isPresent())
                .map(Parameter::getNameAsString).collect(Collectors.toSet());
        List<Path> paths = new FailurePaths(file, model, exceptions, false).of(method.getBody().orElseThrow());
        if (paths.stream().allMatch(p -> p.outcome() == Outcome.HANDED)) {
            sink.fact(THROWS, "", "", method.getName());
        } else if (paths.stream().allMatch(p -> p.outcome() == Outcome.QUIET)) {
            sink.fact(QUIET, "", String.join(",", FailurePaths.dependencies(paths)), method.getName());
        }
    }

    private static String caught(CatchClause clause) {
        return String.join("|", SwallowingCatches.caughtTypes(clause));
    }

    @Override
    public void finish(Project project, HitSink sink) {
        new CatchReport(project, sink).run();
    }
}
