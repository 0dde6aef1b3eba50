package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.engine.CallGraph;
import dev.tenet.rules.engine.CallGraph.Reach;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.MethodEntry;
import dev.tenet.rules.model.Effect;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Kafka listener whose side effect (a database write, a Redis increment, a payment call, a publish),
 * directly or in the code it calls, is applied with no dedup guard before it on its path: at-least-once
 * delivery redelivers and the effect happens twice. A guard is a claim or existence check whose answer
 * decides whether the work goes on; names, log lines and metrics never count as one.
 */
public final class ListenerNotIdempotentCheck implements Check {
    public static final String ID = "listener-not-idempotent";
    /** One walk of the call graph per listener finds both its side effects and any dedup guard on the way. */
    private static final Set<Effect> WATCHED = Stream.concat(ListenerSideEffects.KINDS.stream(), Stream.of(Effect.DEDUP_GUARD))
            .collect(Collectors.toUnmodifiableSet());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void finish(Project project, HitSink sink) {
        CallGraph graph = project.callGraph();
        for (MethodEntry listener : KafkaListeners.in(project)) {
            List<Reach> reached = graph.reachAll(listener, WATCHED);
            List<Reach> guards = reached.stream().filter(r -> r.effect().effect() == Effect.DEDUP_GUARD).toList();
            Optional<Reach> effect = reached.stream().filter(ListenerSideEffects::repeatsHarm)
                    .filter(harm -> guards.stream().noneMatch(guard -> graph.runsBefore(guard, harm)))
                    .findFirst();
            effect.ifPresent(reach -> sink.hit(graph.steps(reach), List.of(),
                    "Listener " + listener.label() + " " + ListenerSideEffects.describe(reach)
                            + " with no dedup on the event id; Kafka delivers at least once, so a redelivered record applies it twice",
                    "Record the event id in a processed-events table (unique key, same transaction) or with setIfAbsent, and skip the record when it was already there.",
                    listener.label() + " not idempotent"));
        }
    }
}
