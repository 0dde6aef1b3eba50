package dev.tenet.scaffold.spec;

import java.time.Duration;

/**
 * An optional cache of the aggregate, written with a TTL and evicted on every update: Redis alone, or tiered
 * (a bounded local Caffeine tier in front of Redis, evicted on every instance through a Kafka invalidation topic).
 *
 * @param ttl          the Redis TTL of every entry
 * @param tiered       whether a local tier sits in front of Redis
 * @param localTtl     the local tier's TTL (tiered only): the bound on staleness if an invalidation is lost
 * @param localMaxSize the local tier's maximum number of entries (tiered only)
 */
public record CacheSpec(Duration ttl, boolean tiered, Duration localTtl, int localMaxSize) {
    /** The local tier's TTL when the spec gives none: 30 s, or the Redis TTL if that is shorter. */
    public static Duration defaultLocalTtl(Duration ttl) {
        Duration thirtySeconds = Duration.ofSeconds(30);
        return ttl.compareTo(thirtySeconds) < 0 ? ttl : thirtySeconds;
    }

    public static final int DEFAULT_LOCAL_MAX_SIZE = 10_000;
}
