package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.CallGraph;
import dev.tenet.rules.engine.CallGraph.Reach;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.FactEntry;
import dev.tenet.rules.engine.Project.MethodEntry;
import dev.tenet.rules.engine.ScanSink;
import dev.tenet.rules.engine.Transactions;
import dev.tenet.rules.model.Effect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A transaction that writes the database and also publishes to Kafka (directly, through other
 * methods, or in a Kafka transaction of its own) makes a dual write: the commit and the publish are
 * not atomic. Transactions are {@code @Transactional} methods (propagation honoured) and the
 * callbacks a TransactionTemplate runs. A method that calls a transactional write and then publishes
 * makes one too. Work registered to run after the commit is not part of it; writes to an outbox
 * table are the fix, not the problem.
 */
public final class OutboxDualWriteCheck implements Check {
    public static final String ID = "outbox-dual-write";
    private static final String TRANSACTIONAL_FACT = "transactional";
    private static final String CALLBACK_FACT = "transaction-callback";
    private static final String OUTBOX_CALL_FACT = "outbox-call";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.anyWord("Transaction", "utbox", "UTBOX");
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (MethodDeclaration method : file.all(MethodDeclaration.class)) {
            if (Transactions.runsInTransaction(file, method)) {
                sink.fact(TRANSACTIONAL_FACT, method.getNameAsString(), "", method.getName());
            }
        }
        EffectModel model = EffectModel.builtIn();
        boolean mentionsOutbox = file.source().contains("utbox") || file.source().contains("UTBOX");
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            if (mentionsOutbox && OutboxWrites.mentionsOutbox(file, call)) {
                sink.fact(OUTBOX_CALL_FACT, call.getNameAsString(), "", call);
            }
            if (!call.getNameAsString().startsWith("execute")) {
                continue;
            }
            Optional<Expression> scope = call.getScope();
            String type = scope.map(s -> file.frameworkType(file.typeOf(s), model)).orElse(null);
            if (type != null && model.has(type, call.getNameAsString(), call.getArguments().size(), "transaction")
                    && !call.getArguments().isEmpty()) {
                Expression callback = call.getArgument(call.getArguments().size() - 1);
                int from = callback.getBegin().map(p -> p.line).orElse(0);
                int to = callback.getEnd().map(p -> p.line).orElse(from);
                sink.fact(CALLBACK_FACT, from + "-" + to, "", call);
            }
        }
    }

    @Override
    public void finish(Project project, HitSink sink) {
        Set<String> transactional = new HashSet<>();
        Set<String> outboxCalls = new HashSet<>();
        Map<String, List<int[]>> callbacks = new HashMap<>();
        for (FactEntry entry : project.facts(ID)) {
            String place = entry.file().path() + "|" + entry.fact().line();
            switch (entry.fact().kind()) {
                case TRANSACTIONAL_FACT -> transactional.add(place + "|" + entry.fact().owner());
                case CALLBACK_FACT -> {
                    String[] range = entry.fact().subject().split("-");
                    callbacks.computeIfAbsent(entry.file().path() + "|" + entry.fact().owner(), k -> new ArrayList<>())
                            .add(new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])});
                }
                default -> outboxCalls.add(place);
            }
        }
        CallGraph graph = project.callGraph();
        Set<MethodEntry> transactionalMethods = new HashSet<>();
        for (MethodEntry method : project.methods()) {
            if (transactional.contains(method.file().path() + "|" + method.method().startLine() + "|" + method.label())) {
                transactionalMethods.add(method);
            }
        }
        Set<MethodEntry> insideTransactions = reachableFrom(graph, transactionalMethods);
        for (MethodEntry method : project.methods()) {
            if (!graph.canReach(method, Set.of(Effect.KAFKA_SEND))) {
                continue;
            }
            if (transactionalMethods.contains(method)) {
                dualWrite(graph, method, graph.reachAll(method, Set.of(Effect.KAFKA_SEND)), graph.reachAll(method, Effect.DATABASE_WRITES),
                        outboxCalls, "the transaction of @Transactional " + method.label(), sink);
                continue;
            }
            for (int[] range : callbacks.getOrDefault(method.file().path() + "|" + method.label(), List.of())) {
                dualWrite(graph, method, graph.reachAllWithin(method, Set.of(Effect.KAFKA_SEND), range[0], range[1]),
                        graph.reachAllWithin(method, Effect.DATABASE_WRITES, range[0], range[1]), outboxCalls,
                        "the transaction callback in " + method.label(), sink);
            }
            boolean hasCallbacks = callbacks.containsKey(method.file().path() + "|" + method.label());
            if (!hasCallbacks && !insideTransactions.contains(method)) {
                commitThenPublish(graph, method, transactionalMethods, outboxCalls, sink);
            }
        }
    }

    private static void dualWrite(CallGraph graph, MethodEntry method, List<Reach> sends, List<Reach> writes, Set<String> outboxCalls,
                                  String where, HitSink sink) {
        for (Reach send : sends) {
            Optional<Reach> write = writes.stream().filter(w -> !OutboxWrites.isOutboxWrite(w, outboxCalls))
                    .filter(w -> !onSeparateBranches(graph, method, w, send)).findFirst();
            if (write.isPresent()) {
                report(graph, method, write.get(), send, where, sink);
                return;
            }
        }
    }

    /** Whether a write and a send leave the method from branches that never both run (a publish on an early-return path). */
    private static boolean onSeparateBranches(CallGraph graph, MethodEntry method, Reach write, Reach send) {
        return method.method().separates(lineInStart(graph, write), lineInStart(graph, send));
    }

    /** The line in the start method where a reach begins: its first call, or the effect itself. */
    private static int lineInStart(CallGraph graph, Reach reach) {
        List<dev.tenet.rules.model.CallRef> sites = graph.callSites(reach);
        return sites.isEmpty() ? reach.effect().line() : sites.get(0).line();
    }

    /**
     * A method that runs in no transaction, writes the database (itself, through a repository call
     * that commits on its own, or through a method it calls) and then publishes: the commit is done
     * when the publish runs, and nothing retries a publish that fails. Reported where the two paths
     * part, so a caller that reaches both through one call is not reported again.
     */
    private static void commitThenPublish(CallGraph graph, MethodEntry method, Set<MethodEntry> transactionalMethods,
                                          Set<String> outboxCalls, HitSink sink) {
        if (!graph.canReach(method, Set.of(Effect.KAFKA_SEND)) || !graph.canReach(method, Effect.DATABASE_WRITES)) {
            return;
        }
        List<Reach> writes = graph.reachAll(method, Effect.DATABASE_WRITES).stream()
                .filter(w -> !OutboxWrites.isOutboxWrite(w, outboxCalls)).toList();
        if (writes.isEmpty()) {
            return;
        }
        List<Reach> sends = graph.reachAll(method, Set.of(Effect.KAFKA_SEND)).stream()
                .filter(send -> send.path().stream().noneMatch(transactionalMethods::contains)).toList();
        for (Reach send : sends) {
            Optional<Reach> before = writes.stream()
                    .filter(write -> partsAtStart(graph, write, send) && graph.runsBefore(write, send))
                    .filter(write -> !onSeparateBranches(graph, method, write, send))
                    .findFirst();
            if (before.isPresent()) {
                Reach write = before.get();
                sink.hit(graph.steps(send), graph.steps(write),
                        method.label() + " commits a database write (" + write.effect().detail() + write.via() + ") and then publishes to Kafka ("
                                + send.effect().detail() + send.via() + "), a dual write: if the publish fails after the commit the event is"
                                + " lost, and nothing retries it",
                        "Write the event to an outbox table in the same transaction as the change, and let a relay publish it to Kafka after the commit.",
                        method.label() + " commit then publish");
                return;
            }
        }
    }

    /** Whether two reaches leave the start method through different calls (or one of them happens in it). */
    private static boolean partsAtStart(CallGraph graph, Reach a, Reach b) {
        List<dev.tenet.rules.model.CallRef> first = graph.callSites(a);
        List<dev.tenet.rules.model.CallRef> second = graph.callSites(b);
        return first.isEmpty() || second.isEmpty() || first.get(0) != second.get(0);
    }

    /** Every method the transactional methods call, directly or not: it runs inside their transaction. */
    private static Set<MethodEntry> reachableFrom(CallGraph graph, Set<MethodEntry> starts) {
        Set<MethodEntry> reached = new HashSet<>();
        java.util.ArrayDeque<MethodEntry> queue = new java.util.ArrayDeque<>(starts);
        while (!queue.isEmpty()) {
            for (MethodEntry callee : graph.callees(queue.poll())) {
                if (reached.add(callee)) {
                    queue.add(callee);
                }
            }
        }
        return reached;
    }

    /**
     * Reported at the call that leads to the send, with the path down to it; the path to the write goes
     * along as related steps.
     *
     * @param where the transaction, e.g. {@code the transaction of @Transactional OrderService#record}
     */
    private static void report(CallGraph graph, MethodEntry method, Reach write, Reach send, String where, HitSink sink) {
        boolean kafkaTransaction = send.effect().detail().contains("executeInTransaction");
        String publish = kafkaTransaction ? "publishes to Kafka in a Kafka transaction of its own" : "publishes to Kafka";
        sink.hit(graph.steps(send), graph.steps(write),
                "This call " + publish + " (" + send.effect().detail() + send.via() + ") inside " + where
                        + ", which also writes the database (" + write.effect().detail() + write.via()
                        + "): a dual write, the database commit and the publish are not atomic, so one can happen without the other",
                "Write the event to an outbox table in the same transaction instead of publishing, and let a relay publish it to Kafka after the commit.",
                method.label() + " @Transactional dual write");
    }
}
