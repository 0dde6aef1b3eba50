package com.acme.learning.adapter.out.cache;

import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** Leaderboard entries in Redis. */
@Component
public class LeaderboardCache {
    private final StringRedisTemplate redis;

    public LeaderboardCache(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public void remember(String userId, long totalMinutes) {
        redis.opsForValue().set("leaderboard:" + userId, Long.toString(totalMinutes), Duration.ofMinutes(10));
    }

    public void rememberRank(String userId, long rank) {
        redis.opsForValue().set("rank:" + userId, Long.toString(rank)); // VIOLATION: caching.redis-write-without-ttl
    }
}
