package dev.tenet.rules.engine;

import dev.tenet.rules.model.Effect;
import java.util.ArrayList;
import java.util.List;

/**
 * The effects an effect name of {@code tenet/effects.yml} or of a team's {@code effects:} stands for,
 * when nothing else about the call (its SQL, its HTTP verb) tells more. A claim, an existence check or
 * an insert whose answer decides whether the work goes on is also a dedup guard.
 */
final class EffectNames {
    private EffectNames() {
    }

    static List<Effect> of(String name, boolean decidesExit) {
        List<Effect> effects = switch (name) {
            // An outbox append is the database write of a transactional outbox; its argument is a published event.
            case "db-write", "db-update", "outbox-append" -> List.of(Effect.DB_WRITE);
            case "db-upsert" -> List.of(Effect.DB_UPSERT);
            case "kafka-send" -> List.of(Effect.KAFKA_SEND);
            case "http-post", "http-patch" -> List.of(Effect.HTTP_CALL, Effect.HTTP_UNSAFE);
            case "http", "http-get", "http-head", "http-put", "http-delete" -> List.of(Effect.HTTP_CALL);
            case "redis-write" -> List.of(Effect.REDIS_WRITE);
            case "redis-add" -> List.of(Effect.REDIS_WRITE, Effect.REDIS_ACCUMULATE);
            case "redis-claim" -> List.of(Effect.REDIS_WRITE, Effect.REDIS_CLAIM);
            case "exists" -> List.of(Effect.EXISTS_CHECK);
            case "sleep" -> List.of(Effect.SLEEP);
            case "wait" -> List.of(Effect.BLOCKING_WAIT);
            case "handoff" -> List.of(Effect.THREAD_HANDOFF);
            case "circuit-breaker" -> List.of(Effect.CIRCUIT_BREAKER);
            default -> List.of();
        };
        return decidesExit ? guarded(effects) : effects;
    }

    /** The effects plus a dedup guard when they are a claim, an existence check or a write whose answer decides. */
    static List<Effect> guarded(List<Effect> effects) {
        boolean claim = effects.stream().anyMatch(e -> e == Effect.REDIS_CLAIM || e == Effect.EXISTS_CHECK || e == Effect.DB_WRITE
                || e == Effect.DB_UPSERT);
        if (!claim || effects.contains(Effect.DEDUP_GUARD)) {
            return effects;
        }
        List<Effect> withGuard = new ArrayList<>(effects);
        withGuard.add(Effect.DEDUP_GUARD);
        return withGuard;
    }
}
