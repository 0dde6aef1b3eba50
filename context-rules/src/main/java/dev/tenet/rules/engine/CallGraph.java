package dev.tenet.rules.engine;

import dev.tenet.rules.engine.Project.MethodEntry;
import dev.tenet.rules.engine.Project.TypeEntry;
import dev.tenet.rules.model.CallRef;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.EffectRef;
import dev.tenet.rules.model.MethodModel;
import dev.tenet.rules.model.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls between the codebase's own methods, resolved by declared types (an interface call reaches
 * its implementations), with each method's effects: those told from framework calls in phase one
 * plus those of calls into the codebase's Spring Data repositories, MyBatis mappers, HTTP interfaces,
 * {@code @Async} methods and the wrappers a team declares in {@code .tenet/config.yml}. What a call
 * on a repository does comes from Spring Data's own contract (its CRUD methods and derived
 * {@code deleteBy…}/{@code existsBy…} queries, {@code @Modifying} queries), never from the names of
 * variables or types.
 */
public final class CallGraph {
    private static final int MAX_DEPTH = 12;

    /** A call from one of the codebase's methods to another. */
    public record Edge(CallRef call, MethodEntry target) {
    }

    /** An effect reached from a method, with the chain of calls that leads to it. */
    public record Reach(EffectRef effect, MethodEntry at, List<MethodEntry> path) {
        /** {@code " via A#b -> C#d"} when reached through other methods, else {@code ""}. */
        public String via() {
            if (path.size() <= 1) {
                return "";
            }
            List<String> labels = path.subList(1, path.size()).stream().map(MethodEntry::label).toList();
            return " via " + String.join(" -> ", labels);
        }
    }

    private final Project project;
    private final Map<String, List<TypeEntry>> subtypes = new HashMap<>();
    private final Map<MethodModel, List<Edge>> edges = new IdentityHashMap<>();
    private final Map<MethodModel, List<EffectRef>> effects = new IdentityHashMap<>();
    private final CodebaseEffects codebaseEffects;
    private final Map<Set<Effect>, Set<MethodModel>> reaching = new HashMap<>();
    private boolean allLinked;

    CallGraph(Project project) {
        this.project = project;
        this.codebaseEffects = new CodebaseEffects(project);
        for (TypeEntry type : project.types()) {
            for (String supertype : type.type().supertypes()) {
                project.resolve(type.file(), supertype)
                        .ifPresent(parent -> subtypes.computeIfAbsent(parent.type().fqn(), k -> new ArrayList<>()).add(type));
            }
        }
    }

    /** The codebase methods a method calls. Methods are linked on first use: checks start from few roots. */
    public synchronized List<MethodEntry> callees(MethodEntry method) {
        return edges(method).stream().map(Edge::target).distinct().toList();
    }

    /** The calls a method makes into the codebase's own methods, in source order. */
    public synchronized List<Edge> edges(MethodEntry method) {
        if (!edges.containsKey(method.method())) {
            link(method);
        }
        return edges.get(method.method());
    }

    /** The method's own effects, calls into repositories, HTTP interfaces and {@code @Async} methods included. */
    public synchronized List<EffectRef> effectsOf(MethodEntry method) {
        if (!effects.containsKey(method.method())) {
            link(method);
        }
        return effects.get(method.method());
    }

    /** The nearest effect of one of the wanted kinds reachable from {@code start} (itself included). */
    public Optional<Reach> reach(MethodEntry start, Set<Effect> wanted) {
        List<Reach> all = reachAll(start, wanted, true, line -> true);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every effect of the wanted kinds reachable from {@code start}, nearest first. */
    public List<Reach> reachAll(MethodEntry start, Set<Effect> wanted) {
        return reachAll(start, wanted, false, line -> true);
    }

    /**
     * Every effect of the wanted kinds reachable from the lines {@code fromLine..toLine} of {@code start}
     * (a callback's body, such as the lambda a TransactionTemplate runs), nearest first.
     */
    public List<Reach> reachAllWithin(MethodEntry start, Set<Effect> wanted, int fromLine, int toLine) {
        return reachAll(start, wanted, false, line -> line >= fromLine && line <= toLine);
    }

    private List<Reach> reachAll(MethodEntry start, Set<Effect> wanted, boolean firstOnly, java.util.function.IntPredicate startLines) {
        List<Reach> found = new ArrayList<>();
        Set<MethodModel> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<List<MethodEntry>> queue = new ArrayDeque<>();
        queue.add(List.of(start));
        seen.add(start.method());
        while (!queue.isEmpty()) {
            List<MethodEntry> path = queue.poll();
            MethodEntry current = path.get(path.size() - 1);
            boolean atStart = path.size() == 1;
            for (EffectRef effect : effectsOf(current)) {
                if (wanted.contains(effect.effect()) && (!atStart || startLines.test(effect.line()))) {
                    found.add(new Reach(effect, current, path));
                    if (firstOnly) {
                        return found;
                    }
                }
            }
            if (path.size() > MAX_DEPTH) {
                continue;
            }
            for (Edge edge : edges(current)) {
                if ((!atStart || startLines.test(edge.call().line())) && seen.add(edge.target().method())) {
                    List<MethodEntry> next = new ArrayList<>(path);
                    next.add(edge.target());
                    queue.add(next);
                }
            }
        }
        return found;
    }

    /**
     * Whether {@code start} reaches an effect of the wanted kinds at any depth: a cheap test before
     * {@link #reachAll}, answered for every method at once (effects propagated backwards along the calls).
     */
    public boolean canReach(MethodEntry start, Set<Effect> wanted) {
        return methodsReaching(wanted).contains(start.method());
    }

    private Set<MethodModel> methodsReaching(Set<Effect> wanted) {
        linkAll();
        return propagated(wanted);
    }

    /**
     * Links every method not linked yet, in parallel: answering "who can reach" needs the whole graph. Links are
     * computed outside the lock (they read only the project) and stored under it.
     */
    private void linkAll() {
        List<MethodEntry> pending;
        synchronized (this) {
            if (allLinked) {
                return;
            }
            pending = project.methods().stream().filter(method -> !edges.containsKey(method.method())).toList();
        }
        List<Links> computed = pending.parallelStream().map(this::linksOf).toList();
        synchronized (this) {
            for (Links links : computed) {
                edges.putIfAbsent(links.method().method(), links.edges());
                effects.putIfAbsent(links.method().method(), links.effects());
            }
            allLinked = true;
        }
    }

    private synchronized Set<MethodModel> propagated(Set<Effect> wanted) {
        Set<MethodModel> known = reaching.get(wanted);
        if (known != null) {
            return known;
        }
        Map<MethodModel, List<MethodModel>> callers = new IdentityHashMap<>();
        Deque<MethodModel> queue = new ArrayDeque<>();
        Set<MethodModel> result = Collections.newSetFromMap(new IdentityHashMap<>());
        for (MethodEntry method : project.methods()) {
            for (Edge edge : edges(method)) {
                callers.computeIfAbsent(edge.target().method(), k -> new ArrayList<>()).add(method.method());
            }
            if (effectsOf(method).stream().anyMatch(e -> wanted.contains(e.effect())) && result.add(method.method())) {
                queue.add(method.method());
            }
        }
        while (!queue.isEmpty()) {
            for (MethodModel caller : callers.getOrDefault(queue.poll(), List.of())) {
                if (result.add(caller)) {
                    queue.add(caller);
                }
            }
        }
        reaching.put(Set.copyOf(wanted), result);
        return result;
    }

    /**
     * The calls along a reach's path: in each method of the path, the call that leads to the next one
     * (the first such call in source order).
     */
    public List<CallRef> callSites(Reach reach) {
        List<CallRef> sites = new ArrayList<>();
        for (int i = 0; i + 1 < reach.path().size(); i++) {
            MethodEntry next = reach.path().get(i + 1);
            edges(reach.path().get(i)).stream().filter(edge -> edge.target().equals(next)).findFirst()
                    .ifPresent(edge -> sites.add(edge.call()));
        }
        return sites;
    }

    /**
     * The places a reach goes through: in each method of its path, the call that leads to the next
     * one (the first such call in source order), then the effect itself. The first step is where the
     * problem shows in the start method.
     */
    public List<Step> steps(Reach reach) {
        List<Step> steps = new ArrayList<>();
        List<MethodEntry> path = reach.path();
        for (int i = 0; i + 1 < path.size(); i++) {
            MethodEntry caller = path.get(i);
            MethodEntry callee = path.get(i + 1);
            String label = "calls " + callee.label();
            Optional<CallRef> call = edges(caller).stream().filter(edge -> edge.target().equals(callee)).findFirst().map(Edge::call);
            steps.add(call.map(c -> new Step(caller.file().path(), c.line(), c.column(), label))
                    .orElseGet(() -> new Step(caller.file().path(), caller.method().startLine(), 0, label)));
        }
        EffectRef effect = reach.effect();
        steps.add(new Step(reach.at().file().path(), effect.line(), effect.column(), describe(effect)));
        return steps;
    }

    /** What an effect does, as a step label: {@code publishes to Kafka (kafkaTemplate.send())}. */
    public static String describe(EffectRef effect) {
        String what = switch (effect.effect()) {
            case DB_WRITE, DB_UPSERT -> "writes the database";
            case KAFKA_SEND -> "publishes to Kafka";
            case HTTP_CALL, HTTP_UNSAFE -> "calls a remote API over HTTP";
            case REDIS_WRITE, REDIS_ACCUMULATE -> "writes Redis";
            case REDIS_CLAIM -> "claims a Redis key";
            case EXISTS_CHECK -> "checks whether a record exists";
            case SLEEP -> "sleeps";
            case BLOCKING_WAIT -> "waits for another task with no timeout";
            case RETRY_LOOP -> "retries in a blocking loop";
            case THREAD_HANDOFF -> "hands the work to another thread";
            case DEDUP_GUARD -> "drops duplicate events";
            case CIRCUIT_BREAKER -> "goes through a circuit breaker";
        };
        return effect.detail() == null || effect.detail().isBlank() ? what : what + " (" + effect.detail() + ")";
    }

    /**
     * Whether {@code first} happens before {@code second} (or at the same call) in the order the start
     * method's code runs them: their call sites are compared step by step from the start method,
     * then the effects' own positions. Loops and branches are not followed: this is source order.
     */
    public boolean runsBefore(Reach first, Reach second) {
        List<long[]> a = positions(first);
        List<long[]> b = positions(second);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = java.util.Arrays.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order < 0;
            }
        }
        return true;
    }

    private List<long[]> positions(Reach reach) {
        List<long[]> positions = new ArrayList<>();
        for (CallRef site : callSites(reach)) {
            positions.add(new long[] {site.line(), site.column()});
        }
        positions.add(new long[] {reach.effect().line(), reach.effect().column()});
        return positions;
    }

    private void link(MethodEntry method) {
        Links links = linksOf(method);
        edges.put(method.method(), links.edges());
        effects.put(method.method(), links.effects());
    }

    /** A method's calls into the codebase and its effects; reads only the project, so methods can be linked in parallel. */
    private Links linksOf(MethodEntry method) {
        Set<Edge> targets = new LinkedHashSet<>();
        List<EffectRef> own = new ArrayList<>(method.method().effects());
        for (CallRef call : method.method().calls()) {
            Optional<TypeEntry> target = project.resolve(method.file(), call.receiverType());
            if (target.isPresent()) {
                List<MethodEntry> resolved = methodsNamed(target.get(), call);
                resolved.forEach(callee -> targets.add(new Edge(call, callee)));
                own.addAll(codebaseEffects.of(method.file(), target.get(), call, resolved, isBodiless(target.get(), resolved)));
            } else if (call.receiverType() != null) {
                own.addAll(codebaseEffects.declaredOnExternal(method.file(), call));
            }
        }
        return new Links(method, List.copyOf(targets), List.copyOf(own));
    }

    private record Links(MethodEntry method, List<Edge> edges, List<EffectRef> effects) {
    }

    /** Whether the called method has no body in the codebase: an interface method nobody here implements, or an inherited framework method. */
    private boolean isBodiless(TypeEntry target, List<MethodEntry> resolved) {
        return resolved.isEmpty() || "interface".equals(target.type().kind())
                && subtypes.getOrDefault(target.type().fqn(), List.of()).isEmpty();
    }

    private List<MethodEntry> methodsNamed(TypeEntry type, CallRef call) {
        List<MethodEntry> result = new ArrayList<>();
        collect(type, call, result, 0);
        for (TypeEntry subtype : allSubtypes(type)) {
            collect(subtype, call, result, MAX_DEPTH);
        }
        return result;
    }

    private void collect(TypeEntry type, CallRef call, List<MethodEntry> result, int depth) {
        boolean found = false;
        for (MethodEntry candidate : project.methodsOf(type.type())) {
            if (candidate.method().name().equals(call.method())
                    && (call.argCount() < 0 || candidate.method().parameterTypes().size() == call.argCount())) {
                result.add(candidate);
                found = true;
            }
        }
        if (!found && depth < MAX_DEPTH) {
            for (String supertype : type.type().supertypes()) {
                project.resolve(type.file(), supertype).ifPresent(parent -> collect(parent, call, result, depth + 1));
            }
        }
    }

    private List<TypeEntry> allSubtypes(TypeEntry type) {
        List<TypeEntry> result = new ArrayList<>();
        Deque<TypeEntry> queue = new ArrayDeque<>(subtypes.getOrDefault(type.type().fqn(), List.of()));
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            TypeEntry next = queue.poll();
            if (seen.add(next.type().fqn())) {
                result.add(next);
                queue.addAll(subtypes.getOrDefault(next.type().fqn(), List.of()));
            }
        }
        return result;
    }
}
