package dev.tenet.rules.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a piece of code does to the world outside the method, as told from calls whose receiver's type
 * is known (see {@code tenet/effects.yml}). Some calls have two: an increment in Redis is a
 * {@link #REDIS_WRITE} and a {@link #REDIS_ACCUMULATE}.
 */
public enum Effect {
    /** Writes a database in a way that is not known to be idempotent: a plain INSERT, a repository save, a JPA persist. */
    DB_WRITE,
    /** Publishes to Kafka directly: KafkaTemplate, a Kafka Producer, StreamBridge. */
    KAFKA_SEND,
    /** Calls a remote HTTP API with any verb: RestTemplate, RestClient, WebClient, the JDK HttpClient, a Feign client. */
    HTTP_CALL,
    /** Writes Redis: set, increment, hash or list writes. */
    REDIS_WRITE,
    /** Blocks the thread on purpose: Thread.sleep, TimeUnit.sleep. */
    SLEEP,
    /** A loop that retries a failing call in place. */
    RETRY_LOOP,
    /** Hands work to another thread: an executor, CompletableFuture.*Async, a new Thread, an @Async method. */
    THREAD_HANDOFF,
    /** A check or claim on a key whose answer decides whether the work goes on: the guard against duplicates. */
    DEDUP_GUARD,
    /** Wrapped by a circuit breaker (Resilience4j decorator or annotation). */
    CIRCUIT_BREAKER,
    /** Writes a database idempotently: INSERT IGNORE, ON CONFLICT DO NOTHING, an absolute UPDATE, a DELETE. */
    DB_UPSERT,
    /** An HTTP call that changes something when repeated: POST or PATCH (PUT and DELETE are idempotent). */
    HTTP_UNSAFE,
    /** A Redis write that adds when repeated: an increment, a push, an append to a stream. */
    REDIS_ACCUMULATE,
    /** Sets a Redis key only if it is absent (setIfAbsent, SETNX, trySet). */
    REDIS_CLAIM,
    /** Asks a store whether something exists (a repository's existsBy...). */
    EXISTS_CHECK,
    /** Waits for another task with no timeout: Future.get(), CompletableFuture.join(). */
    BLOCKING_WAIT;

    /** Every database write, idempotent or not. */
    public static final Set<Effect> DATABASE_WRITES = Set.copyOf(EnumSet.of(DB_WRITE, DB_UPSERT));
}
