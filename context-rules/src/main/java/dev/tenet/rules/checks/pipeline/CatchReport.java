package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.checks.pipeline.FailurePaths.Outcome;
import dev.tenet.rules.engine.CallGraph;
import dev.tenet.rules.engine.CallGraph.Edge;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.Project.FactEntry;
import dev.tenet.rules.engine.Project.MethodEntry;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.EffectRef;
import dev.tenet.rules.model.Fact;
import dev.tenet.rules.model.Step;
import dev.tenet.rules.model.FileModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Phase two of the swallowed-failure rule: walks each listener's calls through the codebase, and
 * reports every catch on the way with a path that swallows once the codebase calls it depends on are
 * known (a helper that only logs swallows too; one that sends to Kafka or always throws hands the
 * record on). A catch of the codebase's own exception that the listener's dedup code throws skips a
 * duplicate on purpose and is not reported.
 */
final class CatchReport {
    private static final int MAX_DEPTH = 12;

    private final Project project;
    private final HitSink sink;
    private final CallGraph graph;
    private final Map<MethodEntry, List<Fact>> factsByMethod = new HashMap<>();
    private final Map<MethodEntry, Outcome> outcomes = new IdentityHashMap<>();

    CatchReport(Project project, HitSink sink) {
        this.project = project;
        this.sink = sink;
        this.graph = project.callGraph();
        Map<FileModel, List<MethodEntry>> methodsByFile = new IdentityHashMap<>();
        for (MethodEntry method : project.methods()) {
            methodsByFile.computeIfAbsent(method.file(), f -> new ArrayList<>()).add(method);
        }
        for (FactEntry entry : project.facts(SwallowedListenerExceptionCheck.ID)) {
            Fact fact = entry.fact();
            String type = fact.owner().contains("#") ? fact.owner().substring(0, fact.owner().indexOf('#')) : fact.owner();
            methodsByFile.getOrDefault(entry.file(), List.of()).stream()
                    .filter(m -> m.type().simpleName().equals(type) && m.method().startLine() <= fact.line() && fact.line() <= m.method().endLine())
                    .filter(m -> fact.owner().endsWith("#" + m.method().name()))
                    .findFirst()
                    .ifPresent(m -> factsByMethod.computeIfAbsent(m, k -> new ArrayList<>()).add(fact));
        }
    }

    static String swallows(String caught) {
        return "catches " + caught.replace("|", " | ") + " and only logs it on some path: no rethrow, no dead-letter publish, no nack,"
                + " so the record is dropped silently and its offset committed";
    }

    void run() {
        Set<String> reported = new HashSet<>();
        for (MethodEntry listener : KafkaListeners.in(project)) {
            Map<MethodEntry, List<MethodEntry>> reached = reached(listener);
            Set<String> thrown = new HashSet<>();
            Set<String> dedupExceptions = new HashSet<>();
            thrownOnPath(reached.keySet(), thrown, dedupExceptions);
            for (Map.Entry<MethodEntry, List<MethodEntry>> step : reached.entrySet()) {
                MethodEntry method = step.getKey();
                for (Fact fact : factsByMethod.getOrDefault(method, List.of())) {
                    if (!isCatch(fact)
                            || neverThrown(method, fact, thrown) || skipsDuplicates(method, fact, dedupExceptions) || !swallows(method, fact.detail())
                            || !reported.add(method.file().path() + ":" + fact.line())) {
                        continue;
                    }
                    String where = method == listener ? "Listener " + listener.label()
                            : method.label() + ", called by listener " + listener.label() + via(step.getValue()) + ",";
                    Step at = new Step(method.file().path(), fact.line(), 0, "catches " + fact.subject().replace("|", " | ")
                            + " and only logs it");
                    sink.hit(List.of(at), callsTo(step.getValue()), where + " " + swallows(fact.subject()),
                            SwallowedListenerExceptionCheck.FIX, fact.owner() + " catch (" + fact.subject() + ")");
                }
            }
        }
        lostSends(reported);
    }

    /** Catches around waiting for a send, and send callbacks, that only log once their helpers are known: the producer loses the event. */
    private void lostSends(Set<String> reported) {
        for (Map.Entry<MethodEntry, List<Fact>> entry : factsByMethod.entrySet()) {
            MethodEntry method = entry.getKey();
            for (Fact fact : entry.getValue()) {
                boolean callback = fact.kind().equals(SwallowedListenerExceptionCheck.SEND_CALLBACK);
                if ((callback || fact.kind().equals(SwallowedListenerExceptionCheck.SEND_CATCH))
                        && swallows(method, fact.detail()) && reported.add(method.file().path() + ":" + fact.line())) {
                    sink.hit(method.file().path(), fact.line(), fact.line(),
                            callback ? LostSends.callbackMessage(fact.subject()) : LostSends.awaitMessage(), LostSends.FIX,
                            fact.owner() + (callback ? " " + fact.subject() + " failure callback" : " catch (" + fact.subject() + ") around a send"));
                }
            }
        }
    }

    private static boolean isCatch(Fact fact) {
        return fact.kind().equals(SwallowedListenerExceptionCheck.CATCH) || fact.kind().equals(SwallowedListenerExceptionCheck.SEND_CATCH);
    }

    /** The calls from the listener down to the method that holds the catch, as steps. */
    private List<Step> callsTo(List<MethodEntry> path) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i + 1 < path.size(); i++) {
            MethodEntry caller = path.get(i);
            MethodEntry callee = path.get(i + 1);
            graph.edges(caller).stream().filter(edge -> edge.target().equals(callee)).findFirst()
                    .ifPresent(edge -> steps.add(new Step(caller.file().path(), edge.call().line(), edge.call().column(),
                            "calls " + callee.label())));
        }
        return steps;
    }

    private static String via(List<MethodEntry> path) {
        if (path.size() <= 2) {
            return "";
        }
        return " via " + String.join(" -> ", path.subList(1, path.size() - 1).stream().map(MethodEntry::label).toList());
    }

    /** The methods a listener reaches (itself included), each with the first path found to it. */
    private Map<MethodEntry, List<MethodEntry>> reached(MethodEntry listener) {
        Map<MethodEntry, List<MethodEntry>> paths = new LinkedHashMap<>();
        Deque<List<MethodEntry>> queue = new ArrayDeque<>();
        queue.add(List.of(listener));
        paths.put(listener, List.of(listener));
        while (!queue.isEmpty()) {
            List<MethodEntry> path = queue.poll();
            if (path.size() > MAX_DEPTH) {
                continue;
            }
            for (MethodEntry callee : graph.callees(path.get(path.size() - 1))) {
                if (!paths.containsKey(callee)) {
                    List<MethodEntry> next = new ArrayList<>(path);
                    next.add(callee);
                    paths.put(callee, next);
                    queue.add(next);
                }
            }
        }
        return paths;
    }

    /**
     * The codebase exceptions thrown on the listener's path (with their codebase supertypes), and those
     * thrown by dedup code: inside a duplicate-key catch, or when a dedup guard says so.
     */
    private void thrownOnPath(Set<MethodEntry> reached, Set<String> thrown, Set<String> dedup) {
        for (MethodEntry method : reached) {
            for (Fact fact : factsByMethod.getOrDefault(method, List.of())) {
                if (!fact.kind().equals(SwallowedListenerExceptionCheck.THROW)) {
                    continue;
                }
                project.resolve(method.file(), fact.subject()).ifPresent(type -> {
                    thrown.addAll(project.typeAndSupertypes(type));
                    if (byDedupCode(method, fact.detail())) {
                        dedup.add(type.type().fqn());
                    }
                });
            }
        }
    }

    /** A catch of the codebase's own exceptions that nothing on the listener's path throws: it never runs. */
    private boolean neverThrown(MethodEntry method, Fact fact, Set<String> thrown) {
        return Arrays.stream(fact.subject().split("\\|")).allMatch(t -> project.resolve(method.file(), t)
                .filter(type -> !thrown.contains(type.type().fqn())).isPresent());
    }

    private boolean byDedupCode(MethodEntry method, String where) {
        if (where.equals("catch")) {
            return true;
        }
        if (!where.startsWith("if:")) {
            return false;
        }
        String[] lines = where.substring("if:".length()).split("-");
        int from = Integer.parseInt(lines[0]);
        int to = Integer.parseInt(lines[1]);
        return graph.effectsOf(method).stream().anyMatch(e -> e.effect() == Effect.DEDUP_GUARD && e.line() >= from && e.line() <= to);
    }

    private boolean skipsDuplicates(MethodEntry method, Fact fact, Set<String> dedupExceptions) {
        return !dedupExceptions.isEmpty() && Arrays.stream(fact.subject().split("\\|"))
                .allMatch(t -> project.resolve(method.file(), t).filter(type -> dedupExceptions.contains(type.type().fqn())).isPresent());
    }

    /** Whether one of the catch's quiet paths stays quiet once the codebase calls on it are known. */
    private boolean swallows(MethodEntry method, String encodedPaths) {
        for (String path : encodedPaths.split(";")) {
            List<String> calls = path.equals("-") || path.isEmpty() ? List.of() : List.of(path.split(","));
            if (outcomeOf(method, calls, Collections.newSetFromMap(new IdentityHashMap<>())) == Outcome.QUIET) {
                return true;
            }
        }
        return false;
    }

    private Outcome outcomeOf(MethodEntry method, List<String> calls, Set<MethodEntry> seen) {
        Outcome result = Outcome.QUIET;
        for (String call : calls) {
            Outcome next = callOutcome(method, call, seen);
            if (next == Outcome.HANDED) {
                return Outcome.HANDED;
            }
            if (next == Outcome.UNKNOWN) {
                result = Outcome.UNKNOWN;
            }
        }
        return result;
    }

    private Outcome callOutcome(MethodEntry method, String position, Set<MethodEntry> seen) {
        String[] at = position.split(":");
        int line = Integer.parseInt(at[0]);
        int column = Integer.parseInt(at[1]);
        for (EffectRef effect : graph.effectsOf(method)) {
            if (effect.effect() == Effect.KAFKA_SEND && effect.line() == line && effect.column() == column) {
                return Outcome.HANDED;
            }
        }
        List<MethodEntry> targets = graph.edges(method).stream().filter(e -> e.call().line() == line && e.call().column() == column)
                .map(Edge::target).toList();
        if (targets.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        Outcome result = Outcome.QUIET;
        for (MethodEntry target : targets) {
            Outcome next = methodOutcome(target, seen);
            if (next == Outcome.HANDED) {
                return Outcome.HANDED;
            }
            if (next == Outcome.UNKNOWN) {
                result = Outcome.UNKNOWN;
            }
        }
        return result;
    }

    /** What calling a method does to a failure handed to it: sends it on, always throws, only logs, or something else. */
    private Outcome methodOutcome(MethodEntry method, Set<MethodEntry> seen) {
        Outcome known = outcomes.get(method);
        if (known != null) {
            return known;
        }
        if (!seen.add(method)) {
            return Outcome.UNKNOWN;
        }
        Outcome outcome = Outcome.UNKNOWN;
        if (graph.reach(method, Set.of(Effect.KAFKA_SEND)).isPresent()) {
            outcome = Outcome.HANDED;
        } else {
            for (Fact fact : factsByMethod.getOrDefault(method, List.of())) {
                if (fact.kind().equals(SwallowedListenerExceptionCheck.THROWS)) {
                    outcome = Outcome.HANDED;
                } else if (fact.kind().equals(SwallowedListenerExceptionCheck.QUIET)) {
                    List<String> calls = fact.detail().isEmpty() ? List.of() : List.of(fact.detail().split(","));
                    outcome = outcomeOf(method, calls, seen);
                }
            }
        }
        outcomes.put(method, outcome);
        return outcome;
    }
}
