package dev.tenet.rules.effects;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The effect model: fully qualified framework types and methods mapped to what a call does, loaded
 * once from {@code tenet/effects.yml}. Lookups walk the supertypes the model lists ({@code is}).
 */
public final class EffectModel {
    /** Every effect name the model may use. */
    public static final Set<String> EFFECT_NAMES = Set.of("db-write", "db-sql", "db-update", "kafka-send", "http", "http-get",
            "http-head", "http-post", "http-put", "http-patch", "http-delete", "redis-write", "redis-add", "redis-claim", "sleep",
            "wait", "handoff", "circuit-breaker", "exists", "transaction", "after-commit");
    private static final String RESOURCE = "/tenet/effects.yml";
    private static final String ANY_METHOD = "*";
    private static final EffectModel BUILT_IN = load();

    private record TypeSpec(List<String> supertypes, Map<String, MethodEffects> methods) {
    }

    private final Map<String, TypeSpec> types;

    private EffectModel(Map<String, TypeSpec> types) {
        this.types = types;
    }

    /** The model shipped with Tenet. */
    public static EffectModel builtIn() {
        return BUILT_IN;
    }

    /** Whether the model lists {@code fqn} (a nested type is written with dots: {@code RestClient.RequestSpec}). */
    public boolean knows(String fqn) {
        return types.containsKey(fqn);
    }

    /** Whether the model gives {@code method} of {@code fqn} this effect name. */
    public boolean has(String fqn, String method, int argCount, String effect) {
        return lookup(fqn, method, argCount).filter(spec -> spec.effects().contains(effect)).isPresent();
    }

    /** Every listed type, for validation and documentation. */
    public Set<String> types() {
        return types.keySet();
    }

    /** Whether {@code fqn} is {@code wanted} or lists it among its supertypes, directly or not. */
    public boolean isA(String fqn, String wanted) {
        return fqn.equals(wanted) || supertypesOf(fqn).stream().anyMatch(supertype -> isA(supertype, wanted));
    }

    /** Supertypes listed for a type ({@code is}). */
    public List<String> supertypesOf(String fqn) {
        TypeSpec spec = types.get(fqn);
        return spec == null ? List.of() : spec.supertypes();
    }

    /**
     * What calling {@code method} with {@code argCount} arguments on {@code fqn} does: an entry for that
     * arity beats one for the name, the type's own entries beat its supertypes', and {@code *} comes last.
     * A method reference passes {@code -1} and matches any arity.
     */
    public Optional<MethodEffects> lookup(String fqn, String method, int argCount) {
        Optional<MethodEffects> named = find(fqn, method, argCount, new HashSet<>());
        return named.isPresent() ? named : find(fqn, ANY_METHOD, -1, new HashSet<>());
    }

    private Optional<MethodEffects> find(String fqn, String method, int argCount, Set<String> seen) {
        TypeSpec spec = types.get(fqn);
        if (spec == null || !seen.add(fqn)) {
            return Optional.empty();
        }
        MethodEffects exact = argCount >= 0 ? spec.methods().get(method + "/" + argCount) : null;
        if (exact != null) {
            return Optional.of(exact);
        }
        MethodEffects any = spec.methods().get(method);
        if (any == null && argCount < 0) {
            any = spec.methods().entrySet().stream().filter(e -> e.getKey().startsWith(method + "/"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (any != null) {
            return Optional.of(any);
        }
        for (String supertype : spec.supertypes()) {
            Optional<MethodEffects> inherited = find(supertype, method, argCount, seen);
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    private static EffectModel load() {
        try (InputStream in = EffectModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new Yaml(new LoaderOptions()).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static EffectModel parse(Map<String, Object> document) {
        Map<String, TypeSpec> types = new LinkedHashMap<>();
        Map<String, Object> declared = (Map<String, Object>) document.get("types");
        for (Map.Entry<String, Object> type : declared.entrySet()) {
            Map<String, Object> body = type.getValue() == null ? Map.of() : (Map<String, Object>) type.getValue();
            List<String> supertypes = (List<String>) body.getOrDefault("is", List.of());
            Map<String, MethodEffects> methods = new LinkedHashMap<>();
            Map<String, Object> declaredMethods = (Map<String, Object>) body.getOrDefault("methods", Map.of());
            for (Map.Entry<String, Object> method : declaredMethods.entrySet()) {
                methods.put(method.getKey(), methodEffects(type.getKey() + "#" + method.getKey(), method.getValue()));
            }
            types.put(type.getKey(), new TypeSpec(List.copyOf(supertypes), Map.copyOf(methods)));
        }
        return new EffectModel(types);
    }

    @SuppressWarnings("unchecked")
    private static MethodEffects methodEffects(String where, Object value) {
        if (value instanceof String text) {
            return new MethodEffects(names(where, text), null, null);
        }
        Map<String, Object> map = (Map<String, Object>) value;
        Object effects = map.get("effects");
        return new MethodEffects(effects == null ? List.of() : names(where, effects.toString()),
                (String) map.get("returns"), (String) map.get("verb"));
    }

    private static List<String> names(String where, String text) {
        List<String> names = new ArrayList<>();
        for (String name : text.split(",")) {
            String effect = name.strip();
            if (!EFFECT_NAMES.contains(effect)) {
                throw new IllegalStateException(RESOURCE + ": unknown effect '" + effect + "' at " + where);
            }
            names.add(effect);
        }
        return names;
    }
}
