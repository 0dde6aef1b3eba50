package dev.tenet.rules.checks.pipeline;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
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
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code @Transactional} method that writes the database and also publishes to Kafka (directly,
 * through other methods, or in a Kafka transaction of its own) makes a dual write: the commit and
 * the publish are not atomic. Writes to an outbox table are the fix, not the problem.
 */
public final class OutboxDualWriteCheck implements Check {
    public static final String ID = "outbox-dual-write";
    private static final String TRANSACTIONAL_FACT = "transactional";
    private static final String OUTBOX_CALL_FACT = "outbox-call";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(String source) {
        return source.contains(Transactions.ANNOTATION) || OutboxWrites.OUTBOX.matcher(source).find();
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (MethodDeclaration method : file.unit().findAll(MethodDeclaration.class)) {
            if (Transactions.runsInTransaction(file, method)) {
                sink.fact(TRANSACTIONAL_FACT, method.getNameAsString(), "", method.getName());
            }
        }
        for (MethodCallExpr call : file.unit().findAll(MethodCallExpr.class)) {
            if (OutboxWrites.mentionsOutbox(file, call)) {
                sink.fact(OUTBOX_CALL_FACT, call.getNameAsString(), "", call);
            }
        }
    }

    @Override
    public void finish(Project project, HitSink sink) {
        Set<String> transactional = new HashSet<>();
        Set<String> outboxCalls = new HashSet<>();
        for (FactEntry entry : project.facts(ID)) {
            String place = entry.file().path() + "|" + entry.fact().line();
            if (entry.fact().kind().equals(TRANSACTIONAL_FACT) && !TestSources.contains(entry.file().path())) {
                transactional.add(place + "|" + entry.fact().owner());
            } else if (entry.fact().kind().equals(OUTBOX_CALL_FACT)) {
                outboxCalls.add(place);
            }
        }
        CallGraph graph = project.callGraph();
        for (MethodEntry method : project.methods()) {
            if (!transactional.contains(method.file().path() + "|" + method.method().startLine() + "|" + method.label())) {
                continue;
            }
            Optional<Reach> send = graph.reach(method, Set.of(Effect.KAFKA_SEND));
            Optional<Reach> write = send.isEmpty() ? Optional.empty() : graph.reachAll(method, Set.of(Effect.DB_WRITE)).stream()
                    .filter(w -> !OutboxWrites.isOutboxWrite(w, outboxCalls)).findFirst();
            if (write.isPresent()) {
                report(method, write.get(), send.get(), sink);
            }
        }
    }

    private static void report(MethodEntry method, Reach write, Reach send, HitSink sink) {
        boolean kafkaTransaction = send.effect().detail().contains("executeInTransaction");
        String publish = kafkaTransaction ? "publishes to Kafka in a Kafka transaction of its own" : "publishes to Kafka";
        SignatureHits.hit(sink, method,
                "@Transactional " + method.label() + " writes the database (" + write.effect().detail() + write.via() + ") and "
                        + publish + " (" + send.effect().detail() + send.via()
                        + "), a dual write: the database commit and the publish are not atomic, so one can happen without the other",
                "Write the event to an outbox table in the same transaction instead of publishing, and let a relay publish it to Kafka after the commit.",
                "@Transactional dual write");
    }
}
