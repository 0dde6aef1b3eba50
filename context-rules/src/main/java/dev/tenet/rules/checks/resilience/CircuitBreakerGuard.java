package dev.tenet.rules.checks.resilience;

import dev.tenet.rules.engine.CallGraph;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.MethodEntry;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.MethodModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells whether a method runs under a circuit breaker or time limiter: Resilience4j's annotations on
 * the method or its class, a decorator call in the method, or the same on any method that calls it
 * (a breaker around the caller bounds the call too).
 */
final class CircuitBreakerGuard {
    private static final Set<String> GUARDS = Set.of("CircuitBreaker", "TimeLimiter");
    private static final int MAX_CALLER_DEPTH = 8;

    private final Project project;
    private final CallGraph graph;
    /** Built on the first question: the index links every method, which most runs never need. */
    private Map<MethodModel, List<MethodEntry>> callers;

    CircuitBreakerGuard(Project project) {
        this.project = project;
        this.graph = project.callGraph();
    }

    /** True when the method, or a method on some chain of calls into it, is guarded. */
    boolean guards(MethodEntry method) {
        if (guardedItself(method)) {
            return true;
        }
        Map<MethodModel, List<MethodEntry>> callers = callers();
        Set<MethodModel> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<MethodEntry> work = new ArrayDeque<>(List.of(method));
        Map<MethodModel, Integer> depth = new IdentityHashMap<>();
        depth.put(method.method(), 0);
        while (!work.isEmpty()) {
            MethodEntry next = work.poll();
            if (!seen.add(next.method())) {
                continue;
            }
            if (guardedItself(next)) {
                return true;
            }
            int level = depth.get(next.method());
            if (level < MAX_CALLER_DEPTH) {
                for (MethodEntry caller : callers.getOrDefault(next.method(), List.of())) {
                    depth.putIfAbsent(caller.method(), level + 1);
                    work.add(caller);
                }
            }
        }
        return false;
    }

    private Map<MethodModel, List<MethodEntry>> callers() {
        if (callers == null) {
            callers = new IdentityHashMap<>();
            for (MethodEntry caller : project.methods()) {
                for (MethodEntry callee : graph.callees(caller)) {
                    callers.computeIfAbsent(callee.method(), k -> new ArrayList<>()).add(caller);
                }
            }
        }
        return callers;
    }

        private boolean guardedItself(MethodEntry method) {
        return method.method().annotations().stream().anyMatch(a -> GUARDS.contains(a.simpleName()))
                || method.type().annotations().stream().anyMatch(a -> GUARDS.contains(a.simpleName()))
                || graph.effectsOf(method).stream().anyMatch(e -> e.effect() == Effect.CIRCUIT_BREAKER);
    }
}
