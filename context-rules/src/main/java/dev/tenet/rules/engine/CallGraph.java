package dev.tenet.rules.engine;

import dev.tenet.rules.engine.Project.MethodEntry;
import dev.tenet.rules.engine.Project.TypeEntry;
import dev.tenet.rules.model.CallRef;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.EffectRef;
import dev.tenet.rules.model.MethodModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Calls between the codebase's own methods, resolved by declared types (an interface call reaches
 * its implementations), with each method's effects: those told from framework calls in phase one
 * plus those of calls into the codebase's repositories, HTTP interfaces and {@code @Async} methods.
 */
public final class CallGraph {
    /** Repository interfaces from Spring Data and friends: a call on them is a database call. */
    static final Set<String> REPOSITORY_SUPERTYPES = Set.of("Repository", "CrudRepository", "JpaRepository",
            "PagingAndSortingRepository", "ListCrudRepository", "R2dbcRepository", "ReactiveCrudRepository", "MongoRepository");
    private static final Pattern WRITE_METHOD = Pattern.compile(
            "(save|insert|update|delete|remove|persist|merge|increment|decrement|add|upsert|store|record|mark|create|accumulate)\\w*");
    private static final Pattern REPOSITORY_NAME = Pattern.compile("(?i).*(repository|dao|mapper)");
    private static final int MAX_DEPTH = 12;

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
    private final Map<MethodModel, List<MethodEntry>> callees = new IdentityHashMap<>();
    private final Map<MethodModel, List<EffectRef>> effects = new IdentityHashMap<>();

    CallGraph(Project project) {
        this.project = project;
        for (TypeEntry type : project.types()) {
            for (String supertype : type.type().supertypes()) {
                project.resolve(type.file(), supertype)
                        .ifPresent(parent -> subtypes.computeIfAbsent(parent.type().fqn(), k -> new ArrayList<>()).add(type));
            }
        }
    }

    /** The codebase methods a method calls. Methods are linked on first use: checks start from few roots. */
    public synchronized List<MethodEntry> callees(MethodEntry method) {
        if (!callees.containsKey(method.method())) {
            link(method);
        }
        return callees.get(method.method());
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
        List<Reach> all = reachAll(start, wanted, true);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every effect of the wanted kinds reachable from {@code start}, nearest first. */
    public List<Reach> reachAll(MethodEntry start, Set<Effect> wanted) {
        return reachAll(start, wanted, false);
    }

    private List<Reach> reachAll(MethodEntry start, Set<Effect> wanted, boolean firstOnly) {
        List<Reach> found = new ArrayList<>();
        Set<MethodModel> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<List<MethodEntry>> queue = new ArrayDeque<>();
        queue.add(List.of(start));
        seen.add(start.method());
        while (!queue.isEmpty()) {
            List<MethodEntry> path = queue.poll();
            MethodEntry current = path.get(path.size() - 1);
            for (EffectRef effect : effectsOf(current)) {
                if (wanted.contains(effect.effect())) {
                    found.add(new Reach(effect, current, path));
                    if (firstOnly) {
                        return found;
                    }
                }
            }
            if (path.size() > MAX_DEPTH) {
                continue;
            }
            for (MethodEntry callee : callees(current)) {
                if (seen.add(callee.method())) {
                    List<MethodEntry> next = new ArrayList<>(path);
                    next.add(callee);
                    queue.add(next);
                }
            }
        }
        return found;
    }

    private void link(MethodEntry method) {
        Set<MethodEntry> targets = new LinkedHashSet<>();
        List<EffectRef> own = new ArrayList<>(method.method().effects());
        for (CallRef call : method.method().calls()) {
            Optional<TypeEntry> target = project.resolve(method.file(), call.receiverType());
            if (target.isPresent()) {
                List<MethodEntry> resolved = methodsNamed(target.get(), call);
                targets.addAll(resolved);
                derivedEffect(target.get(), call, resolved).ifPresent(own::add);
            } else if (isRepositoryName(call.receiverType(), call.receiverText()) && WRITE_METHOD.matcher(call.method()).matches()) {
                own.add(new EffectRef(Effect.DB_WRITE, call.line(), call.column(), detail(call)));
            }
        }
        callees.put(method.method(), List.copyOf(targets));
        effects.put(method.method(), List.copyOf(own));
    }

    private Optional<EffectRef> derivedEffect(TypeEntry target, CallRef call, List<MethodEntry> resolved) {
        boolean bodiless = resolved.isEmpty() || "interface".equals(target.type().kind())
                && subtypes.getOrDefault(target.type().fqn(), List.of()).isEmpty();
        if (target.type().hasAnnotation("FeignClient") || target.type().hasAnnotation("HttpExchange")
                || resolved.stream().anyMatch(m -> m.method().annotations().stream().anyMatch(a -> a.simpleName().endsWith("Exchange")))) {
            return Optional.of(new EffectRef(Effect.HTTP_CALL, call.line(), call.column(), detail(call)));
        }
        if (resolved.stream().anyMatch(m -> m.method().hasAnnotation("Async"))) {
            return Optional.of(new EffectRef(Effect.THREAD_HANDOFF, call.line(), call.column(), detail(call) + " (@Async)"));
        }
        boolean repository = target.type().hasAnnotation("Repository") || target.type().hasAnnotation("Mapper")
                || project.isSubtypeOf(target, REPOSITORY_SUPERTYPES);
        if (repository && bodiless && WRITE_METHOD.matcher(call.method()).matches()) {
            return Optional.of(new EffectRef(Effect.DB_WRITE, call.line(), call.column(), detail(call)));
        }
        return Optional.empty();
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
        Set<String> seen = new java.util.HashSet<>();
        while (!queue.isEmpty()) {
            TypeEntry next = queue.poll();
            if (seen.add(next.type().fqn())) {
                result.add(next);
                queue.addAll(subtypes.getOrDefault(next.type().fqn(), List.of()));
            }
        }
        return result;
    }

    /** A receiver text that names a repository, DAO or mapper ({@code orderRepository}, {@code this.progressDao}). */
    static boolean looksLikeRepository(String receiverText) {
        return receiverText != null && REPOSITORY_NAME.matcher(receiverText).matches();
    }

    private static boolean isRepositoryName(String receiverType, String receiverText) {
        return receiverType != null && REPOSITORY_NAME.matcher(receiverType).matches()
                || receiverType == null && receiverText != null && REPOSITORY_NAME.matcher(receiverText).matches();
    }

    private static String detail(CallRef call) {
        return (call.receiverText().isEmpty() ? "" : call.receiverText() + ".") + call.method() + "()";
    }
}
