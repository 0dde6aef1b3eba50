package dev.tenet.rules.checks.caching;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.tenet.rules.checks.resilience.SourceEvidence;
import dev.tenet.rules.engine.Prefilter;
import dev.tenet.rules.engine.Check;
import dev.tenet.rules.engine.HitSink;
import dev.tenet.rules.engine.JavaFile;
import dev.tenet.rules.engine.Project;
import dev.tenet.rules.engine.PropertyEntry;
import dev.tenet.rules.engine.ScanSink;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Redis caches expire: a {@code RedisCacheManager} built in code sets {@code entryTtl} on its
 * configuration, a {@code RedisCacheConfiguration} bean sets it, and a service that lets Spring
 * Boot build the cache manager ({@code spring.cache.type: redis}) sets
 * {@code spring.cache.redis.time-to-live}.
 */
public final class CacheManagerWithoutTtlCheck implements Check {
    public static final String ID = "cache-manager-without-ttl";
    private static final String CACHE_CODE = "cache-code";
    private static final String CACHING_ENABLED = "caching-enabled";
    private static final String ENABLE_CACHING = "org.springframework.cache.annotation.EnableCaching";
    private static final SourceEvidence ENTRY_TTL = SourceEvidence.ofCalls("entryTtl"::equals);
    private static final Set<String> BUILDER_STARTS = Set.of("builder", "fromConnectionFactory", "fromCacheWriter");
    private static final String MESSAGE = "%s builds Redis caches whose entries never expire, so the cache grows until Redis evicts "
            + "at random and serves stale data after a missed invalidation";
    private static final String FIX = "Set RedisCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofMinutes(10)) as the "
            + "cache defaults (and per cache where it differs).";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.anyWord("RedisCache", "CacheManager", "EnableCaching");
    }

    @Override
    public void scan(JavaFile file, ScanSink sink) {
        for (TypeDeclaration<?> type : file.all(TypeDeclaration.class)) {
            if (type.getAnnotations().stream().anyMatch(a -> file.standsFor(a.getNameAsString(), ENABLE_CACHING))) {
                sink.fact(CACHING_ENABLED, type.getNameAsString(), "", type.getName());
            }
        }
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            String scope = call.getScope().map(s -> JavaFile.simpleName(JavaFile.shortText(s))).orElse("");
            if (scope.equals("RedisCacheManager") && call.getNameAsString().equals("create")) {
                sink.hit(call, MESSAGE.formatted("RedisCacheManager.create(...)"), FIX);
            } else if (scope.matches("RedisCacheManager(Builder)?") && BUILDER_STARTS.contains(call.getNameAsString())) {
                reportWithoutTtl(call, "RedisCacheManager." + call.getNameAsString() + "(...)", sink);
            }
        }
        for (ObjectCreationExpr creation : file.all(ObjectCreationExpr.class)) {
            if (creation.getType().getNameAsString().equals("RedisCacheManager")) {
                reportWithoutTtl(creation, "new RedisCacheManager(...)", sink);
            }
        }
        for (MethodDeclaration method : file.all(MethodDeclaration.class)) {
            String returned = JavaFile.simpleName(JavaFile.erasure(method.getType()));
            if (method.getAnnotationByName("Bean").isPresent() && returned.matches(".*(CacheManager|CacheConfiguration|CacheManagerBuilderCustomizer)")) {
                sink.fact(CACHE_CODE, returned, "bean", method.getName());
                if (returned.equals("RedisCacheConfiguration") && method.getBody().isPresent() && !ENTRY_TTL.in(method)) {
                    Node at = method.findFirst(MethodCallExpr.class, c -> c.getNameAsString().equals("defaultCacheConfig"))
                            .map(c -> (Node) c).orElse(method.getName());
                    sink.hit(at, MESSAGE.formatted("The RedisCacheConfiguration bean " + method.getNameAsString() + "()"), FIX);
                }
            }
        }
    }

    /** A cache manager built in code: fine when its method (or a helper it calls) sets entryTtl or takes the defaults as a bean. */
    private static void reportWithoutTtl(Node builder, String what, ScanSink sink) {
        Optional<CallableDeclaration> method = builder.findAncestor(CallableDeclaration.class);
        Node scope = method.map(m -> (Node) m).orElse(builder);
        boolean injectedDefaults = method.isPresent() && ((CallableDeclaration<?>) method.get()).getParameters().stream()
                .anyMatch(p -> JavaFile.erasure(p.getType()).endsWith("RedisCacheConfiguration"));
        if (!injectedDefaults && !ENTRY_TTL.in(scope)) {
            sink.hit(builder, MESSAGE.formatted(what), FIX);
        }
    }

    @Override
    public void finish(Project project, HitSink sink) {
        List<PropertyEntry> properties = project.properties();
        boolean ttlSet = properties.stream().anyMatch(p -> normalized(p.key()).equals("spring.cache.redis.timetolive"));
        boolean cacheCode = project.facts(ID).stream().anyMatch(f -> f.fact().kind().equals(CACHE_CODE));
        // Without @EnableCaching Spring Boot builds no cache manager: the property alone caches nothing.
        boolean cachingEnabled = project.facts(ID).stream().anyMatch(f -> f.fact().kind().equals(CACHING_ENABLED));
        if (ttlSet || cacheCode || !cachingEnabled) {
            return;
        }
        for (PropertyEntry property : properties) {
            if (normalized(property.key()).equals("spring.cache.type") && property.value().strip().equalsIgnoreCase("redis")) {
                sink.hit(property.file(), property.line(), property.line(),
                        "spring.cache.type is redis but spring.cache.redis.time-to-live is not set, so Spring Boot builds Redis caches "
                                + "whose entries never expire and serve stale data after a missed invalidation",
                        "Set spring.cache.redis.time-to-live (e.g. 10m) next to spring.cache.type.",
                        "spring.cache.type=redis without spring.cache.redis.time-to-live");
            }
        }
    }

    /** Relaxed binding: {@code time-to-live}, {@code timeToLive} and {@code time_to_live} are one key. */
    private static String normalized(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
