package dev.tenet.rules.engine;

import dev.tenet.rules.config.TenetConfig.DeclaredEffect;
import dev.tenet.rules.effects.EffectModel;
import dev.tenet.rules.effects.MethodEffects;
import dev.tenet.rules.effects.SqlStatements;
import dev.tenet.rules.engine.Project.MethodEntry;
import dev.tenet.rules.engine.Project.TypeEntry;
import dev.tenet.rules.model.AnnotationRef;
import dev.tenet.rules.model.CallRef;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.EffectRef;
import dev.tenet.rules.model.FileModel;
import java.util.ArrayList;
import java.util.List;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a call into one of the codebase's own types does by a framework's contract: a Spring Data
 * repository's CRUD and derived methods, a MyBatis mapper's annotated SQL, an HTTP interface (OpenFeign,
 * {@code @HttpExchange}), an {@code @Async} method, or a wrapper the team declared in its config.
 * Every annotation and supertype is resolved to its fully qualified name first.
 */
final class CodebaseEffects {
    static final Set<String> SPRING_DATA_REPOSITORIES = Set.of("org.springframework.data.repository.Repository",
            "org.springframework.data.repository.CrudRepository", "org.springframework.data.repository.ListCrudRepository",
            "org.springframework.data.repository.PagingAndSortingRepository",
            "org.springframework.data.repository.ListPagingAndSortingRepository",
            "org.springframework.data.jpa.repository.JpaRepository", "org.springframework.data.mongodb.repository.MongoRepository",
            "org.springframework.data.mongodb.repository.ReactiveMongoRepository",
            "org.springframework.data.repository.reactive.ReactiveCrudRepository",
            "org.springframework.data.repository.reactive.ReactiveSortingRepository",
            "org.springframework.data.r2dbc.repository.R2dbcRepository",
            "org.springframework.data.elasticsearch.repository.ElasticsearchRepository",
            "org.springframework.data.cassandra.repository.CassandraRepository");
    private static final Set<String> MODIFYING = Set.of("org.springframework.data.jpa.repository.Modifying",
            "org.springframework.data.r2dbc.repository.Modifying", "org.springframework.data.jdbc.repository.query.Modifying");
    private static final Set<String> QUERY = Set.of("org.springframework.data.jpa.repository.Query",
            "org.springframework.data.r2dbc.repository.Query", "org.springframework.data.jdbc.repository.query.Query");
    private static final String MYBATIS = "org.apache.ibatis.annotations.";
    private static final String MAPPER_SCAN = "org.mybatis.spring.annotation.MapperScan";
    private static final String FEIGN_CLIENT = "org.springframework.cloud.openfeign.FeignClient";
    private static final String HTTP_EXCHANGE = "org.springframework.web.service.annotation.HttpExchange";
    private static final String ASYNC = "org.springframework.scheduling.annotation.Async";
    private static final String WEB = "org.springframework.web.bind.annotation.";
    private static final String EXCHANGE = "org.springframework.web.service.annotation.";
    private static final Map<String, String> VERB_ANNOTATIONS = Map.ofEntries(
            Map.entry(WEB + "GetMapping", "GET"), Map.entry(WEB + "PostMapping", "POST"), Map.entry(WEB + "PutMapping", "PUT"),
            Map.entry(WEB + "PatchMapping", "PATCH"), Map.entry(WEB + "DeleteMapping", "DELETE"), Map.entry(WEB + "RequestMapping", ""),
            Map.entry(EXCHANGE + "GetExchange", "GET"), Map.entry(EXCHANGE + "PostExchange", "POST"),
            Map.entry(EXCHANGE + "PutExchange", "PUT"), Map.entry(EXCHANGE + "PatchExchange", "PATCH"),
            Map.entry(EXCHANGE + "DeleteExchange", "DELETE"), Map.entry(EXCHANGE + "HttpExchange", ""));

    private static final Set<String> HTTP_SIMPLE_NAMES = VERB_ANNOTATIONS.keySet().stream()
            .map(fqn -> fqn.substring(fqn.lastIndexOf('.') + 1)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> HTTP_INTERFACE_NAMES = Set.of("FeignClient", "HttpExchange");

    private final Project project;
    private java.util.Set<String> mapperPackages;

    CodebaseEffects(Project project) {
        this.project = project;
    }

    /** Effects of {@code call} on the codebase type {@code target}, whose matching methods are {@code resolved}. */
    List<EffectRef> of(FileModel caller, TypeEntry target, CallRef call, List<MethodEntry> resolved, boolean bodiless) {
        List<EffectRef> effects = new ArrayList<>();
        String detail = detail(call);
        for (Effect effect : kinds(caller, target, call, resolved, bodiless)) {
            effects.add(new EffectRef(effect, call.line(), call.column(), effect == Effect.THREAD_HANDOFF ? detail + " (@Async)" : detail));
        }
        return effects;
    }

    /** Effects a team declared for a method of a type outside the codebase. */
    List<EffectRef> declaredOnExternal(FileModel from, CallRef call) {
        List<EffectRef> effects = new ArrayList<>();
        if (project.config().effects().isEmpty()) {
            return effects;
        }
        for (String name : project.externalNames(from, call.receiverType())) {
            DeclaredEffect declared = project.config().effects().get(name + "#" + call.method());
            if (declared != null) {
                EffectNames.of(declared.effect(), call.decidesExit())
                        .forEach(effect -> effects.add(new EffectRef(effect, call.line(), call.column(), detail(call))));
                break;
            }
        }
        return effects;
    }

    private List<Effect> kinds(FileModel caller, TypeEntry target, CallRef call, List<MethodEntry> resolved, boolean bodiless) {
        Optional<DeclaredEffect> declared = declaredOn(target, call);
        if (declared.isPresent()) {
            return EffectNames.of(declared.get().effect(), call.decidesExit());
        }
        if (resolved.stream().anyMatch(m -> project.annotation(m.file(), m.method().annotations(), ASYNC).isPresent())) {
            return List.of(Effect.THREAD_HANDOFF);
        }
        Optional<String> verb = httpVerb(target, resolved);
        if (verb.isPresent()) {
            return verb.get().equals("POST") || verb.get().equals("PATCH") ? List.of(Effect.HTTP_CALL, Effect.HTTP_UNSAFE)
                    : List.of(Effect.HTTP_CALL);
        }
        if (!bodiless) {
            return List.of();
        }
        if (resolved.isEmpty()) {
            Optional<List<Effect>> inherited = inheritedFromFramework(target, call);
            if (inherited.isPresent()) {
                return inherited.get();
            }
        }
        Optional<List<Effect>> mapper = mapperStatement(target, resolved);
        if (mapper.isPresent()) {
            return withGuard(mapper.get(), call);
        }
        if (project.isSubtypeOfAny(target, SPRING_DATA_REPOSITORIES)) {
            return withGuard(repositoryMethod(caller, call, resolved), call);
        }
        return List.of();
    }

    private Optional<DeclaredEffect> declaredOn(TypeEntry target, CallRef call) {
        if (project.config().effects().isEmpty()) {
            return Optional.empty();
        }
        for (String name : project.typeAndSupertypes(target)) {
            DeclaredEffect declared = project.config().effects().get(name + "#" + call.method());
            if (declared != null) {
                return Optional.of(declared);
            }
        }
        return Optional.empty();
    }

    /** The HTTP verb of a call on an OpenFeign or {@code @HttpExchange} interface ({@code ""} when it cannot be told). */
    private Optional<String> httpVerb(TypeEntry target, List<MethodEntry> resolved) {
        // A cheap precondition on the simple names before resolving each annotation through the imports.
        boolean mayBeHttp = target.type().annotations().stream().anyMatch(a -> HTTP_INTERFACE_NAMES.contains(a.simpleName()))
                || resolved.stream().anyMatch(m -> m.method().annotations().stream().anyMatch(a -> HTTP_SIMPLE_NAMES.contains(a.simpleName())));
        if (!mayBeHttp) {
            return Optional.empty();
        }
        boolean httpInterface = project.annotation(target.file(), target.type().annotations(), FEIGN_CLIENT).isPresent()
                || project.annotation(target.file(), target.type().annotations(), HTTP_EXCHANGE).isPresent();
        for (MethodEntry method : resolved) {
            for (Map.Entry<String, String> verb : VERB_ANNOTATIONS.entrySet()) {
                Optional<AnnotationRef> annotation = project.annotation(method.file(), method.method().annotations(), verb.getKey());
                boolean exchange = verb.getKey().startsWith(EXCHANGE);
                if (annotation.isPresent() && (httpInterface || exchange)) {
                    return Optional.of(verb.getValue().isEmpty() ? verbAttribute(annotation.get()) : verb.getValue());
                }
            }
        }
        return httpInterface ? Optional.of("") : Optional.empty();
    }

    private static String verbAttribute(AnnotationRef annotation) {
        String method = annotation.attributes().getOrDefault("method", "");
        for (String verb : List.of("POST", "PATCH", "PUT", "DELETE", "GET", "HEAD")) {
            if (method.contains(verb)) {
                return verb;
            }
        }
        return "";
    }

    /**
     * A method the codebase's type inherits from a framework type the effect model lists: {@code send} on a
     * class that extends KafkaTemplate is a Kafka send.
     */
    private Optional<List<Effect>> inheritedFromFramework(TypeEntry target, CallRef call) {
        EffectModel model = EffectModel.builtIn();
        for (String name : project.typeAndSupertypes(target)) {
            if (!model.knows(name)) {
                continue;
            }
            Optional<MethodEffects> spec = model.lookup(name, call.method(), call.argCount());
            if (spec.isPresent() && !spec.get().effects().isEmpty()) {
                List<Effect> effects = new ArrayList<>();
                for (String effect : spec.get().effects()) {
                    effects.addAll(EffectNames.of(effect, call.decidesExit()));
                }
                return Optional.of(effects);
            }
        }
        return Optional.empty();
    }

    /** A MyBatis mapper method's statement: {@code @Insert}/{@code @Update}/{@code @Delete} SQL, or a provider. */
    private Optional<List<Effect>> mapperStatement(TypeEntry target, List<MethodEntry> resolved) {
        if (project.annotation(target.file(), target.type().annotations(), MYBATIS + "Mapper").isEmpty()
                && !mapperPackages().contains(target.type().packageName())) {
            return Optional.empty();
        }
        for (MethodEntry method : resolved) {
            for (String statement : List.of("Insert", "Update", "Delete")) {
                Optional<AnnotationRef> sql = project.annotation(method.file(), method.method().annotations(), MYBATIS + statement);
                if (sql.isPresent()) {
                    return Optional.of(sqlEffects(sql.get().attributes().get("value"), statement.equals("Delete")));
                }
                if (project.annotation(method.file(), method.method().annotations(), MYBATIS + statement + "Provider").isPresent()) {
                    return Optional.of(List.of(statement.equals("Delete") ? Effect.DB_UPSERT : Effect.DB_WRITE));
                }
            }
        }
        // A mapper method without SQL annotations is mapped in XML: Tenet does not read it, so it says nothing.
        return Optional.of(List.of());
    }

    /** A Spring Data repository method, by Spring Data's contract. */
    private List<Effect> repositoryMethod(FileModel owner, CallRef call, List<MethodEntry> resolved) {
        for (MethodEntry method : resolved) {
            boolean modifying = MODIFYING.stream().anyMatch(a -> project.annotation(method.file(), method.method().annotations(), a).isPresent());
            Optional<AnnotationRef> query = QUERY.stream().map(a -> project.annotation(method.file(), method.method().annotations(), a))
                    .flatMap(Optional::stream).findFirst();
            if (modifying) {
                return sqlEffects(query.map(q -> q.attributes().getOrDefault("value", q.attributes().get("nativeQuery"))).orElse(null), false);
            }
            if (query.isPresent()) {
                return List.of();
            }
        }
        String name = call.method();
        if (name.equals("insert") || name.startsWith("insertAll")) {
            return List.of(Effect.DB_WRITE);
        }
        if (name.startsWith("save")) {
            return List.of(savesANewRow(owner, call) ? Effect.DB_WRITE : Effect.DB_UPSERT);
        }
        if (name.startsWith("delete") || name.startsWith("remove")) {
            return List.of(Effect.DB_UPSERT);
        }
        if (name.startsWith("exists") || call.decidesExit() && (name.startsWith("find") || name.startsWith("count"))) {
            return List.of(Effect.EXISTS_CHECK);
        }
        return List.of();
    }

    /**
     * Whether a repository save inserts a row each time it runs: JPA merges an entity whose id is set (the same
     * state again on a redelivery) and persists one whose id the database generates. Only a newly created object
     * of an entity with a generated id (or of a type Tenet cannot see) is an insert; a loaded entity is an update.
     */
    private boolean savesANewRow(FileModel caller, CallRef call) {
        if (call.createdArgument() == null) {
            return false;
        }
        return project.resolve(caller, call.createdArgument()).map(entity -> entity.type().generatedId()).orElse(true);
    }

    /** The packages a {@code @MapperScan} registers as MyBatis mappers, found once per codebase. */
    private synchronized java.util.Set<String> mapperPackages() {
        if (mapperPackages == null) {
            mapperPackages = new java.util.HashSet<>();
            for (TypeEntry type : project.types()) {
                project.annotation(type.file(), type.type().annotations(), MAPPER_SCAN).ifPresent(scan -> {
                    String packages = scan.attributes().getOrDefault("value", scan.attributes().getOrDefault("basePackages", ""));
                    java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"([\\w.]+)\"").matcher(packages);
                    while (quoted.find()) {
                        mapperPackages.add(quoted.group(1));
                    }
                });
            }
        }
        return mapperPackages;
    }

    private static List<Effect> sqlEffects(String quotedSql, boolean delete) {
        String sql = quotedSql == null ? null : unquote(quotedSql);
        SqlStatements.Kind kind = SqlStatements.classify(sql);
        return switch (kind) {
            case READ -> List.of();
            case IDEMPOTENT_WRITE -> List.of(Effect.DB_UPSERT);
            case WRITE -> List.of(Effect.DB_WRITE);
            case UNKNOWN -> List.of(delete ? Effect.DB_UPSERT : Effect.DB_WRITE);
        };
    }

    /** An annotation attribute's source text ({@code "update ..."}, {@code {"a", "b"}}, {@code "a" + "b"}) as the SQL it holds. */
    private static String unquote(String source) {
        StringBuilder sql = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                inString = !inString;
                sql.append(' ');
            } else if (inString) {
                sql.append(c == '\\' && i + 1 < source.length() ? source.charAt(++i) : c);
            }
        }
        return sql.toString().strip();
    }

    /** A check or claim whose answer decides whether the work goes on is a dedup guard. */
    private static List<Effect> withGuard(List<Effect> effects, CallRef call) {
        return call.decidesExit() ? EffectNames.guarded(effects) : effects;
    }

    private static String detail(CallRef call) {
        return (call.receiverText().isEmpty() ? "" : call.receiverText() + ".") + call.method() + "()";
    }

}
