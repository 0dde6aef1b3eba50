package dev.tenet.rules.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import dev.tenet.rules.model.Effect;
import dev.tenet.rules.model.EffectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells the effects of framework calls from syntax alone: the chain's root variable type (as
 * declared in the file) and the method names of the chain. Calls into the codebase's own types
 * (repositories, Feign clients, {@code @Async} methods) are judged later, in the call graph.
 */
public final class EffectClassifier {
    static final Set<String> KAFKA_SENDERS = Set.of("KafkaTemplate", "KafkaOperations", "ReactiveKafkaProducerTemplate",
            "KafkaProducer", "Producer", "StreamBridge");
    static final Set<String> KAFKA_SEND_METHODS = Set.of("send", "sendDefault", "executeInTransaction", "sendAndReceive");
    static final Set<String> JDBC = Set.of("JdbcTemplate", "NamedParameterJdbcTemplate", "JdbcOperations",
            "NamedParameterJdbcOperations");
    static final Set<String> REST_TEMPLATE_CALLS = Set.of("getForObject", "getForEntity", "postForObject", "postForEntity",
            "postForLocation", "exchange", "put", "delete", "patchForObject", "execute", "headForHeaders", "optionsForAllow");
    /** Writes through Spring Data Redis operations and Jedis/Lettuce commands (Lettuce spells {@code incrby} in lower case). */
    static final Set<String> REDIS_WRITES = Set.of("set", "setIfAbsent", "setIfPresent", "increment", "decrement", "incrementScore",
            "put", "putAll", "putIfAbsent", "leftPush", "rightPush", "leftPushAll", "rightPushAll", "leftPushIfPresent",
            "rightPushIfPresent", "add", "append", "multiSet", "multiSetIfAbsent", "getAndSet", "setex", "psetex", "setnx", "incr",
            "incrBy", "incrby", "incrByFloat", "incrbyfloat", "decr", "decrBy", "decrby", "hset", "hsetnx", "hmset", "hincrBy",
            "hincrby", "hincrByFloat", "hincrbyfloat", "lpush", "rpush", "lpushx", "rpushx", "sadd", "zadd", "zincrby", "zincrBy",
            "mset", "msetnx");
    /** Writes on the objects Redisson's client hands out ({@code getAtomicLong(key).addAndGet(n)}). */
    static final Set<String> REDISSON_WRITES = Set.of("set", "trySet", "setIfAbsent", "getAndSet", "put", "fastPut", "putIfAbsent",
            "fastPutIfAbsent", "putAll", "add", "addAll", "addAndGet", "incrementAndGet", "decrementAndGet", "getAndAdd",
            "getAndIncrement", "getAndDecrement", "addScore", "addFirst", "addLast", "offer");
    private static final Set<String> REDIS_SET_IF_ABSENT = Set.of("setIfAbsent", "putIfAbsent", "fastPutIfAbsent", "trySet", "setnx",
            "hsetnx", "msetnx", "multiSetIfAbsent");
    static final Set<String> EXECUTORS = Set.of("Executor", "ExecutorService", "ScheduledExecutorService", "ThreadPoolTaskExecutor",
            "TaskExecutor", "AsyncTaskExecutor", "ThreadPoolExecutor", "SimpleAsyncTaskExecutor", "AsyncListenableTaskExecutor",
            "ForkJoinPool");
    static final Set<String> EXECUTOR_METHODS = Set.of("submit", "execute", "schedule", "invokeAll", "invokeAny",
            "scheduleAtFixedRate", "scheduleWithFixedDelay", "submitCompletable");
    private static final Pattern DEDUP_NAME = Pattern.compile(
            "(?i).*(processed|dedup|idempot|duplicate|alreadyhandled|seenevent).*|(?i)(exists|find|count|insert|save|mark|record|claim|try)\\w*eventid\\w*");
    private static final Pattern DEDUP_SQL = Pattern.compile(
            "(?is).*(processed_event|on\\s+conflict[^;]*do\\s+nothing|insert\\s+ignore|idempot|dedup).*");
    private static final Pattern RETRY_CONDITION = Pattern.compile("(?i).*(attempt|retr|tries|true).*");

    private EffectClassifier() {
    }

    /** Effects of one outermost call of a chain ({@code a.b().c()} is classified once, at {@code c}). */
    static List<EffectRef> classify(JavaFile file, MethodCallExpr call) {
        List<EffectRef> effects = new ArrayList<>();
        Expression root = JavaFile.chainRoot(call);
        List<String> chain = JavaFile.chainNames(call);
        String rootType = JavaFile.simpleName(file.typeOf(root));
        String rootText = root == call ? "" : JavaFile.shortText(root);
        String first = chain.get(0);
        int line = call.getBegin().map(p -> p.line).orElse(1);
        int column = call.getBegin().map(p -> p.column).orElse(0);
        String detail = (rootText.isEmpty() ? "" : rootText + ".") + String.join("().", chain) + "()";
        String lowerRoot = rootText.toLowerCase(Locale.ROOT);

        if (root instanceof ObjectCreationExpr creation && JavaFile.erasure(creation.getType()).endsWith("Thread")
                && chain.contains("start")) {
            effects.add(new EffectRef(Effect.THREAD_HANDOFF, line, column, detail));
        }
        if (rootType == null && root == call) {
            rootType = "";
        }
        String type = rootType == null ? "" : rootType;

        if ((KAFKA_SENDERS.contains(type) || (type.isEmpty() && (lowerRoot.contains("kafkatemplate") || lowerRoot.endsWith("producer"))))
                && chain.stream().anyMatch(KAFKA_SEND_METHODS::contains)) {
            effects.add(new EffectRef(Effect.KAFKA_SEND, line, column, detail));
        }
        if ((JDBC.contains(type) || (type.isEmpty() && lowerRoot.contains("jdbctemplate")))
                && Set.of("update", "batchUpdate", "execute").contains(first)) {
            effects.add(new EffectRef(Effect.DB_WRITE, line, column, detail));
        }
        if (type.equals("JdbcClient") && chain.contains("update")
                || type.equals("EntityManager") && Set.of("persist", "merge", "remove").contains(first)
                || Set.of("PreparedStatement", "Statement").contains(type) && Set.of("executeUpdate", "executeBatch").contains(first)
                || type.equals("DSLContext") && chain.stream().anyMatch(n -> Set.of("insertInto", "update", "deleteFrom", "mergeInto").contains(n))) {
            effects.add(new EffectRef(Effect.DB_WRITE, line, column, detail));
        }
        if (Set.of("RestTemplate", "RestOperations").contains(type) && REST_TEMPLATE_CALLS.contains(first)
                || Set.of("RestClient", "WebClient").contains(type)
                && chain.stream().anyMatch(n -> n.equals("retrieve") || n.startsWith("exchange"))
                || type.equals("HttpClient") && Set.of("send", "sendAsync").contains(first)) {
            effects.add(new EffectRef(Effect.HTTP_CALL, line, column, detail));
        }
        if (isRedisWrite(type, chain)) {
            effects.add(new EffectRef(Effect.REDIS_WRITE, line, column, detail));
            if (chain.stream().anyMatch(REDIS_SET_IF_ABSENT::contains)) {
                effects.add(new EffectRef(Effect.DEDUP_GUARD, line, column, detail));
            }
        }
        if (isSleep(root, type, chain)) {
            effects.add(new EffectRef(Effect.SLEEP, line, column, detail));
        }
        if (EXECUTORS.contains(type) && EXECUTOR_METHODS.contains(first)
                || type.equals("CompletableFuture") && Set.of("runAsync", "supplyAsync").contains(first)
                || type.equals("Thread") && Set.of("startVirtualThread", "ofVirtual", "ofPlatform").contains(first) && chain.contains("start")) {
            effects.add(new EffectRef(Effect.THREAD_HANDOFF, line, column, detail));
        }
        if (type.equals("CircuitBreaker") && (first.startsWith("execute") || first.startsWith("decorate") || first.equals("run"))
                || Set.of("CircuitBreakerFactory", "ReactiveCircuitBreakerFactory").contains(type) && chain.contains("run")
                || chain.stream().anyMatch(n -> n.equals("transformDeferred") || n.equals("transform"))
                && call.toString().contains("CircuitBreakerOperator")) {
            effects.add(new EffectRef(Effect.CIRCUIT_BREAKER, line, column, detail));
        }
        if (chain.stream().anyMatch(n -> DEDUP_NAME.matcher(n).matches()) || DEDUP_NAME.matcher(rootText).matches()
                || hasDedupSql(file, call)) {
            effects.add(new EffectRef(Effect.DEDUP_GUARD, line, column, detail));
        }
        return effects;
    }

    private static boolean isRedisWrite(String type, List<String> chain) {
        String first = chain.get(0);
        String second = chain.size() >= 2 ? chain.get(1) : "";
        // Cheap name checks first: this runs for every call in every file.
        return REDIS_WRITES.contains(second) && RedisApi.isTemplate(type) && (first.startsWith("opsFor") || first.startsWith("bound"))
                || REDIS_WRITES.contains(first) && (RedisApi.isCommands(type) || RedisApi.operationsFamily(type).isPresent())
                || REDISSON_WRITES.contains(second) && type.equals(RedisApi.REDISSON) && first.startsWith("get");
    }

    /** A loop that catches a failure and goes round again (sleeping or counting attempts) retries in place. */
    static List<EffectRef> retryLoops(Node body) {
        List<EffectRef> effects = new ArrayList<>();
        for (Statement loop : body.findAll(Statement.class, s -> s instanceof WhileStmt || s instanceof DoStmt || s instanceof ForStmt)) {
            boolean catchesAndContinues = loop.findAll(TryStmt.class).stream().anyMatch(t -> t.getCatchClauses().stream()
                    .anyMatch(c -> c.getBody().findAll(ThrowStmt.class).isEmpty()));
            if (!catchesAndContinues) {
                continue;
            }
            String condition = loop instanceof WhileStmt w ? w.getCondition().toString()
                    : loop instanceof DoStmt d ? d.getCondition().toString()
                    : ((ForStmt) loop).getCompare().map(Object::toString).orElse("true");
            boolean sleeps = loop.findAll(MethodCallExpr.class).stream().anyMatch(c -> c.getNameAsString().equals("sleep"));
            if (sleeps || RETRY_CONDITION.matcher(condition).matches()) {
                int line = loop.getBegin().map(p -> p.line).orElse(1);
                effects.add(new EffectRef(Effect.RETRY_LOOP, line, loop.getBegin().map(p -> p.column).orElse(0), "retry loop (" + ScanSink.normalize(condition) + ")"));
            }
        }
        return effects;
    }

    private static boolean isSleep(Expression root, String type, List<String> chain) {
        String last = chain.get(chain.size() - 1);
        if (type.equals("Thread") && last.equals("sleep") && chain.size() == 1) {
            return true;
        }
        if (last.equals("sleep") && (type.equals("TimeUnit") || JavaFile.shortText(root).startsWith("TimeUnit."))) {
            return true;
        }
        return type.equals("LockSupport") && last.startsWith("park")
                || root instanceof NameExpr n && n.getNameAsString().equals("Thread") && last.equals("sleep");
    }

    private static boolean hasDedupSql(JavaFile file, MethodCallExpr call) {
        for (Expression argument : call.getArguments()) {
            String text = argument instanceof StringLiteralExpr s ? s.getValue()
                    : argument instanceof TextBlockLiteralExpr t ? t.getValue()
                    : argument instanceof NameExpr n ? constantText(file, n) : null;
            if (text != null && DEDUP_SQL.matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The text of a same-type constant initialised with a literal (SQL is usually kept in one). */
    private static String constantText(JavaFile file, NameExpr name) {
        return file.enclosingType(name).flatMap(type -> file.field(type, name.getNameAsString()))
                .flatMap(variable -> variable.getInitializer())
                .map(init -> init instanceof StringLiteralExpr s ? s.getValue()
                        : init instanceof TextBlockLiteralExpr t ? t.getValue() : null)
                .orElse(null);
    }
}
