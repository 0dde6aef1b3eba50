package dev.tenet.rules.checks.pipeline;

import dev.tenet.rules.engine.CallGraph.Reach;
import dev.tenet.rules.model.Effect;
import java.util.Set;

/**
 * Which reached effects change the world again when a record is redelivered: a database write not
 * known to be idempotent, an increment or append in Redis, a POST or PATCH to an HTTP API, and a
 * publish to Kafka. Overwriting a value, an absolute upsert, a delete, a read, a PUT: harmless.
 */
final class ListenerSideEffects {
    static final Set<Effect> KINDS = Set.of(Effect.DB_WRITE, Effect.REDIS_ACCUMULATE, Effect.HTTP_UNSAFE, Effect.KAFKA_SEND);

    private ListenerSideEffects() {
    }

    static boolean repeatsHarm(Reach reach) {
        return KINDS.contains(reach.effect().effect());
    }

    /** A short phrase for messages: what the effect does. */
    static String describe(Reach reach) {
        String what = switch (reach.effect().effect()) {
            case DB_WRITE -> "writes the database";
            case REDIS_ACCUMULATE -> "increments or appends in Redis";
            case HTTP_UNSAFE -> "sends a POST or PATCH to an HTTP API";
            default -> "publishes to Kafka";
        };
        return what + " (" + reach.effect().detail() + reach.via() + ")";
    }
}
