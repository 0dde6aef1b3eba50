package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.engine.CallGraph;
import dev.tenet.rules.engine.CallGraph.Reach;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.MethodEntry;
import dev.tenet.rules.model.Effect;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A listener that sleeps or retries in a loop, itself or in a helper it calls, holds its partition:
 * nothing behind the record moves and a long enough stall exceeds {@code max.poll.interval.ms},
 * which rebalances the group.
 */
public final class BlockingListenerCheck implements Check {
    public static final String ID = "blocking-listener";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void finish(Project project, HitSink sink) {
        CallGraph graph = project.callGraph();
        for (MethodEntry listener : KafkaListeners.in(project)) {
            // An @Async method runs on another thread: what it blocks is not the listener's.
            Optional<Reach> blocking = graph.reachAll(listener, Set.of(Effect.SLEEP, Effect.RETRY_LOOP)).stream()
                    .filter(reach -> reach.path().stream().skip(1).noneMatch(m -> m.method().hasAnnotation("Async")))
                    .findFirst();
            blocking.ifPresent(reach -> sink.hit(graph.steps(reach), List.of(),
                    "Listener " + listener.label() + (reach.effect().effect() == Effect.SLEEP ? " sleeps" : " retries in a blocking loop")
                            + " (" + reach.effect().detail() + reach.via() + "), stalling its partition and risking a rebalance"
                            + " when max.poll.interval.ms runs out",
                    "Let the exception propagate and retry with the container's DefaultErrorHandler (with a BackOff) or with retry topics (@RetryableTopic).",
                    listener.label() + " blocking " + reach.effect().effect().name().toLowerCase(Locale.ROOT)));
        }
    }
}
