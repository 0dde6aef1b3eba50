package dev.tenet.rules.engine;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Redis client types, by simple name, that every Redis-aware check recognises alike: Spring Data Redis
 * templates and typed operations (blocking and reactive, bound or not), Jedis and Lettuce command interfaces
 * (single node and cluster), and Redisson's client. Which calls on them count as writes is each caller's own
 * question; which variables are Redis clients is not.
 */
public final class RedisApi {
    /** Redisson's entry point: writes go through the object it returns ({@code getBucket(key).set(value)}). */
    public static final String REDISSON = "RedissonClient";

    private static final Set<String> TEMPLATES = Set.of("RedisTemplate", "StringRedisTemplate", "ReactiveRedisTemplate",
            "ReactiveStringRedisTemplate", "RedisOperations", "ReactiveRedisOperations");
    private static final Set<String> COMMANDS = Set.of("Jedis", "JedisCluster", "UnifiedJedis", "JedisPooled", "JedisCommands",
            "RedisCommands", "RedisAsyncCommands", "RedisReactiveCommands", "RedisClusterCommands", "RedisStringCommands",
            "RedisClusterAsyncCommands", "RedisAdvancedClusterCommands", "RedisAdvancedClusterAsyncCommands",
            "RedisAdvancedClusterReactiveCommands");
    private static final Pattern OPERATIONS = Pattern.compile("(?:Reactive|Bound)?(Value|Hash|List|Set|ZSet|Stream|Geo|HyperLogLog)Operations");

    private RedisApi() {
    }

    /** A template: writes go through {@code opsForX()} or {@code boundXOps(key)}. */
    public static boolean isTemplate(String simpleType) {
        return TEMPLATES.contains(simpleType);
    }

    /** A raw client's command interface: the write is the call itself ({@code incr(key)}). */
    public static boolean isCommands(String simpleType) {
        return COMMANDS.contains(simpleType);
    }

    /** For a typed operations variable ({@code ValueOperations}, {@code ReactiveHashOperations}, ...), its family: "Value", "Hash"... */
    public static Optional<String> operationsFamily(String simpleType) {
        if (simpleType == null || !simpleType.endsWith("Operations")) {
            return Optional.empty();
        }
        Matcher matcher = OPERATIONS.matcher(simpleType);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A bound operations variable ({@code BoundValueOperations}): its key was given when it was bound. */
    public static boolean isBoundOperations(String simpleType) {
        return simpleType != null && simpleType.startsWith("Bound") && operationsFamily(simpleType).isPresent();
    }
}
