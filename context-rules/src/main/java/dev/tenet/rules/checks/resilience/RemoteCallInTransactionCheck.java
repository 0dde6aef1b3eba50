package dev.tenet.rules.checks.resilience;

import com.github.javaparser.ast.body.MethodDeclaration;
import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.CallGraph.Reach;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.ScanSink;
import dev.tenet.rules.engine.Transactions;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.FileModel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A transactional method does not call a partner over HTTP, directly or through the methods it
 * calls. Phase one records the methods that run in a transaction (a method annotation, or a class
 * annotation on a non-private method; propagation that suspends the transaction excluded); phase
 * two follows the call graph from each of them to an HTTP call, skipping {@code @Async} hops.
 */
public final class RemoteCallInTransactionCheck implements Check {
    public static final String ID = "remote-call-in-transaction";
    private static final String TRANSACTIONAL = "transactional";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.anyWord(Transactions.ANNOTATION);
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (MethodDeclaration method : file.all(MethodDeclaration.class)) {
            if (Transactions.runsInTransaction(file, method)) {
                sink.fact(TRANSACTIONAL, method.getNameAsString(), Transactions.annotatedOnMethod(method) ? "method" : "class", method.getName());
            }
        }
    }

    @Override
    public void finish(Project project, HitSink sink) {
        List<Project.FactEntry> facts = project.facts(ID);
        Map<FileModel, List<Project.MethodEntry>> methodsByFile = new IdentityHashMap<>();
        if (!facts.isEmpty()) {
            project.methods().forEach(m -> methodsByFile.computeIfAbsent(m.file(), f -> new ArrayList<>()).add(m));
        }
        for (Project.FactEntry entry : facts) {
            Optional<Project.MethodEntry> method = methodOf(methodsByFile.getOrDefault(entry.file(), List.of()), entry);
            if (method.isPresent()) {
                nearestHttpCall(project, method.get()).ifPresent(reach -> report(project, method.get(), reach, sink));
            }
        }
    }

    private static Optional<Project.MethodEntry> methodOf(List<Project.MethodEntry> methods, Project.FactEntry entry) {
        String owner = entry.fact().owner();
        String type = owner.contains("#") ? owner.substring(0, owner.indexOf('#')) : owner;
        return methods.stream()
                .filter(m -> m.type().simpleName().equals(type)
                        && m.method().name().equals(entry.fact().subject()) && m.method().startLine() == entry.fact().line())
                .findFirst();
    }

    private static Optional<Reach> nearestHttpCall(Project project, Project.MethodEntry method) {
        return project.callGraph().reachAll(method, Set.of(Effect.HTTP_CALL)).stream()
                .filter(r -> r.path().stream().skip(1).noneMatch(m -> m.method().hasAnnotation("Async")))
                .findFirst();
    }

    /** Reported at the call inside the transactional method that leads to the HTTP call, with the path down to it. */
    private static void report(Project project, Project.MethodEntry method, Reach reach, HitSink sink) {
        sink.hit(project.callGraph().steps(reach), List.of(),
                "Transactional method " + method.label() + " calls a partner over HTTP (" + reach.effect().detail() + ")" + reach.via()
                        + ": it holds a database connection and row locks for the partner's latency, and a timeout leaves it unknown "
                        + "whether the partner applied the change the transaction then rolls back",
                "Call the partner before or after the transaction (or publish an event through the outbox and call it from a consumer), "
                        + "keeping the transaction to the database work.",
                method.label() + " -> " + reach.at().label() + " " + reach.effect().detail());
    }
}
