package dev.tenet.rules.checks.caching;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.tenet.rules.engine.RedisApi;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A key-creating Redis write found in a call chain, for Spring Data Redis templates and operations,
 * Jedis, Lettuce and Redisson: the write call, the key expression (when there is one) and, for a raw
 * client's {@code set(key, value, params)}, the params that may carry the TTL.
 *
 * @param call          the write call
 * @param key           the key expression, or {@code null} when the write names no single key
 * @param valueWrite    a string-value write, which can take its TTL with the write itself
 * @param ttlParameters the {@code SetParams}/{@code SetArgs} argument, or {@code null}
 */
record RedisWrite(MethodCallExpr call, Expression key, boolean valueWrite, Expression ttlParameters) {
    private static final Set<String> CLIENT_WRITES = Set.of("setnx", "hset", "hsetnx", "hmset", "lpush", "rpush", "sadd", "zadd",
            "mset", "msetnx");
    private static final Map<String, Set<String>> WRITES = Map.of(
            "Value", Set.of("set", "setIfAbsent", "multiSet", "multiSetIfAbsent"),
            "Hash", Set.of("put", "putAll", "putIfAbsent"),
            "List", Set.of("leftPush", "rightPush", "leftPushAll", "rightPushAll"),
            "Set", Set.of("add"),
            "ZSet", Set.of("add"));

    /** The key-creating write of a chain rooted at a variable of type {@code rootType}, if any. */
    static Optional<RedisWrite> of(String rootType, List<MethodCallExpr> chain) {
        String type = rootType == null ? "" : rootType;
        MethodCallExpr first = chain.get(0);
        String name = first.getNameAsString();
        if (RedisApi.isTemplate(type) && chain.size() >= 2 && (name.startsWith("opsFor") || name.startsWith("bound"))) {
            boolean bound = name.startsWith("bound");
            String family = bound ? name.substring("bound".length(), name.length() - "Ops".length()) : name.substring("opsFor".length());
            Expression key = bound ? argument(first, 0) : argument(chain.get(1), 0);
            return template(family, chain.get(1), bound, key);
        }
        Optional<String> family = RedisApi.operationsFamily(type);
        if (family.isPresent()) {
            boolean bound = RedisApi.isBoundOperations(type);
            return template(family.get(), first, bound, bound ? null : argument(first, 0));
        }
        if (RedisApi.isCommands(type)) {
            return client(first);
        }
        if (type.equals(RedisApi.REDISSON) && name.equals("getBucket") && chain.size() >= 2
                && Set.of("set", "trySet", "setIfAbsent").contains(chain.get(1).getNameAsString())
                && chain.get(1).getArguments().size() == 1) {
            return Optional.of(new RedisWrite(chain.get(1), argument(first, 0), true, null));
        }
        return Optional.empty();
    }

    private static Optional<RedisWrite> template(String family, MethodCallExpr write, boolean bound, Expression key) {
        String method = write.getNameAsString();
        if (!WRITES.getOrDefault(family, Set.of()).contains(method)) {
            return Optional.empty();
        }
        boolean value = family.equals("Value");
        if (value && (method.equals("set") || method.equals("setIfAbsent")) && write.getArguments().size() != (bound ? 1 : 2)) {
            return Optional.empty();
        }
        boolean multi = method.startsWith("multi");
        return Optional.of(new RedisWrite(write, multi ? null : key, value, null));
    }

    private static Optional<RedisWrite> client(MethodCallExpr write) {
        String method = write.getNameAsString();
        int arguments = write.getArguments().size();
        if (method.equals("set") && arguments == 2) {
            return Optional.of(new RedisWrite(write, write.getArgument(0), true, null));
        }
        if (method.equals("set") && arguments == 3) {
            return Optional.of(new RedisWrite(write, write.getArgument(0), true, write.getArgument(2)));
        }
        boolean multi = method.startsWith("m");
        return CLIENT_WRITES.contains(method) && arguments >= 1
                ? Optional.of(new RedisWrite(write, multi ? null : write.getArgument(0), method.equals("setnx"), null))
                : Optional.empty();
    }

    private static Expression argument(MethodCallExpr call, int index) {
        return call.getArguments().size() > index ? call.getArgument(index) : null;
    }
}
