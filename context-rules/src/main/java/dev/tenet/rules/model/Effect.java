package dev.tenet.rules.model;

/** What a piece of code does to the world outside the method, as told from framework calls. */
public enum Effect {
    /** Writes a database: JDBC update, JPA persist, a repository save/insert/update/delete. */
    DB_WRITE,
    /** Publishes to Kafka directly: KafkaTemplate, a Kafka Producer, StreamBridge. */
    KAFKA_SEND,
    /** Calls a remote HTTP API: RestTemplate, RestClient, WebClient, the JDK HttpClient, a Feign client. */
    HTTP_CALL,
    /** Writes Redis: set, increment, hash or list writes. */
    REDIS_WRITE,
    /** Blocks the thread on purpose: Thread.sleep, TimeUnit.sleep. */
    SLEEP,
    /** A loop that retries a failing call in place. */
    RETRY_LOOP,
    /** Hands work to another thread: an executor, CompletableFuture.*Async, a new Thread, an @Async method. */
    THREAD_HANDOFF,
    /** Checks or records an event id to drop duplicates (processed-events table, setIfAbsent, ON CONFLICT, ...). */
    DEDUP_GUARD,
    /** Wrapped by a circuit breaker (Resilience4j decorator or annotation). */
    CIRCUIT_BREAKER
}
