package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.engine.CallGraph.Reach;
import dev.tenet.rules.model.Effect;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which reached effects change the world when applied twice: database writes, accumulating Redis
 * writes (increments, pushes) and HTTP calls other than reads. Overwriting a cache entry or
 * fetching from a partner API is harmless on redelivery.
 */
final class ListenerSideEffects {
    static final Set<Effect> KINDS = Set.of(Effect.DB_WRITE, Effect.REDIS_WRITE, Effect.HTTP_CALL);
    private static final Pattern ACCUMULATING_REDIS = Pattern.compile(
            "(?i)(increment|decrement|incr\\w*|decr\\w*|hincr\\w*|\\w*push\\w*|append|zincr\\w*|\\w+AndGet|getAnd(Add|Increment|Decrement)|addScore)");
    private static final Set<String> APPENDABLE = Set.of("opsForStream", "boundStreamOps", "getList", "getQueue", "getDeque",
            "getBlockingQueue", "getBlockingDeque", "getStream");
    private static final Set<String> APPENDS = Set.of("add", "addAll", "addFirst", "addLast", "offer");
    private static final Pattern METHOD_NAME = Pattern.compile("([A-Za-z_$][\\w$]*)\\(");
    private static final Pattern READ = Pattern.compile(
            "(?i)(get|find|fetch|lookup|load|query|search|list|read|head|options|check|verify)\\w*");

    private ListenerSideEffects() {
    }

    static boolean repeatsHarm(Reach reach) {
        String detail = reach.effect().detail();
        return switch (reach.effect().effect()) {
            case DB_WRITE -> true;
            case REDIS_WRITE -> methodNames(detail).anyMatch(n -> ACCUMULATING_REDIS.matcher(n).matches()) || appendsToACollection(detail);
            case HTTP_CALL -> methodNames(detail).findFirst().filter(n -> READ.matcher(n).matches()).isEmpty();
            default -> false;
        };
    }

    /** An add to a Redis list, queue, deque or stream (a set's add is idempotent, so it does not count). */
    private static boolean appendsToACollection(String detail) {
        List<String> names = methodNames(detail).toList();
        return names.stream().anyMatch(APPENDABLE::contains) && names.stream().anyMatch(APPENDS::contains);
    }

    /** The method names of a detail such as {@code this.client.get().uri().retrieve()}, root first. */
    private static Stream<String> methodNames(String detail) {
        return METHOD_NAME.matcher(detail).results().map(m -> m.group(1));
    }

    /** A short phrase for messages: what the effect does. */
    static String describe(Reach reach) {
        String what = switch (reach.effect().effect()) {
            case DB_WRITE -> "writes the database";
            case REDIS_WRITE -> "increments or appends in Redis";
            default -> "calls an HTTP API";
        };
        return what + " (" + reach.effect().detail() + reach.via() + ")";
    }
}
