package dev.tenet.scaffold.spec;

import java.time.Duration;

/** An optional Redis cache of the aggregate, written with a TTL and evicted on every update. */
public record CacheSpec(Duration ttl) {
}
