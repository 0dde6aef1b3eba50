package dev.tenet.rules.checks.caching;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.testing.Codebase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisWriteWithoutTtlCheckTests {
    private static final List<String> RULE = List.of("caching.redis-write-without-ttl");

    @TempDir
    Path dir;

    @Test
    void aFindingStartsAtTheColumnOfTheCallItIsAbout() {
        List<Finding> findings = new Codebase(dir).add("""
                package com.acme.learning.adapter.redis;

                import org.springframework.data.redis.core.StringRedisTemplate;

                public class TotalsCache {
                    private final StringRedisTemplate redis;

                    TotalsCache(StringRedisTemplate redis) {
                        this.redis = redis;
                    }

                    void put(String userId) {
                        if (userId != null) { redis.opsForValue().set("total:" + userId, "1"); }
                    }
                }
                """).check(RULE.get(0));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.position()).isEqualTo("src/main/java/com/acme/learning/adapter/redis/TotalsCache.java:13:31");
            assertThat(f.path()).isEmpty();
        });
    }

    @Test
    void springDataRedisWritesWithoutExpiryAreReported() {
        assertFindings(dir, RULE, """
                package com.acme.learning.adapter.redis;

                import org.springframework.data.redis.core.HashOperations;
                import org.springframework.data.redis.core.RedisTemplate;
                import org.springframework.data.redis.core.StringRedisTemplate;

                public class TrainingTotalsCache {
                    private final StringRedisTemplate redis;
                    private final RedisTemplate<String, Object> objects;

                    TrainingTotalsCache(StringRedisTemplate redis, RedisTemplate<String, Object> objects) {
                        this.redis = redis;
                        this.objects = objects;
                    }

                    void put(String userId, long minutes) {
                        redis.opsForValue().set("total:" + userId, Long.toString(minutes)); // VIOLATION: caching.redis-write-without-ttl
                    }

                    boolean claim(String eventId) {
                        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent("event:" + eventId, "1")); // VIOLATION: caching.redis-write-without-ttl
                    }

                    void session(String userId, String sessionId, long minutes) {
                        objects.opsForHash().put("sessions:" + userId, sessionId, minutes); // VIOLATION: caching.redis-write-without-ttl
                        redis.opsForList().leftPush("recent:" + userId, sessionId); // VIOLATION: caching.redis-write-without-ttl
                        redis.opsForSet().add("active-users", userId); // VIOLATION: caching.redis-write-without-ttl
                        redis.boundValueOps("last:" + userId).set(sessionId); // VIOLATION: caching.redis-write-without-ttl
                    }

                    void viaOperations(String userId) {
                        HashOperations<String, String, String> hashes = redis.opsForHash();
                        hashes.put("profile:" + userId, "plan", "pro"); // VIOLATION: caching.redis-write-without-ttl
                    }
                }
                """);
    }

    @Test
    void jedisAndLettuceWritesWithoutExpiryAreReported() {
        assertFindings(dir, RULE, """
                package com.acme.payments.adapter.redis;

                import io.lettuce.core.SetArgs;
                import io.lettuce.core.api.sync.RedisCommands;
                import redis.clients.jedis.JedisPooled;
                import redis.clients.jedis.params.SetParams;

                public class PaymentMarkers {
                    private final JedisPooled jedis;
                    private final RedisCommands<String, String> lettuce;

                    PaymentMarkers(JedisPooled jedis, RedisCommands<String, String> lettuce) {
                        this.jedis = jedis;
                        this.lettuce = lettuce;
                    }

                    void mark(String paymentId) {
                        jedis.set("payment:" + paymentId, "done"); // VIOLATION: caching.redis-write-without-ttl
                        SetParams onlyNew = SetParams.setParams().nx();
                        jedis.set("payment-lock:" + paymentId, "1", onlyNew); // VIOLATION: caching.redis-write-without-ttl
                        lettuce.set("payment:" + paymentId, "done", SetArgs.Builder.nx()); // VIOLATION: caching.redis-write-without-ttl
                        jedis.setnx("payment-first:" + paymentId, "1"); // VIOLATION: caching.redis-write-without-ttl
                    }
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void writesWithATimeoutArgumentAreSilent() {
            assertFindings(dir, RULE, """
                    package com.acme.learning.adapter.redis;

                    import java.time.Duration;
                    import java.util.concurrent.TimeUnit;
                    import io.lettuce.core.SetArgs;
                    import io.lettuce.core.api.sync.RedisCommands;
                    import org.springframework.data.redis.core.StringRedisTemplate;
                    import redis.clients.jedis.JedisPooled;
                    import redis.clients.jedis.params.SetParams;

                    public class TrainingTotalsCache {
                        private final StringRedisTemplate redis;
                        private final JedisPooled jedis;
                        private final RedisCommands<String, String> lettuce;

                        TrainingTotalsCache(StringRedisTemplate redis, JedisPooled jedis, RedisCommands<String, String> lettuce) {
                            this.redis = redis;
                            this.jedis = jedis;
                            this.lettuce = lettuce;
                        }

                        void put(String userId, long minutes, SetParams given) {
                            redis.opsForValue().set("total:" + userId, Long.toString(minutes), Duration.ofHours(6));
                            redis.opsForValue().set("total-v1:" + userId, Long.toString(minutes), 6, TimeUnit.HOURS);
                            redis.opsForValue().setIfAbsent("event:" + userId, "1", Duration.ofDays(7));
                            redis.boundValueOps("last:" + userId).set("x", Duration.ofHours(1));
                            jedis.set("payment:" + userId, "done", SetParams.setParams().nx().ex(3600));
                            jedis.setex("payment-v1:" + userId, 3600, "done");
                            jedis.set("payment-given:" + userId, "done", given);
                            lettuce.set("payment:" + userId, "done", SetArgs.Builder.nx().ex(3600));
                            redis.opsForValue().setIfPresent("total:" + userId, "0");
                        }
                    }
                    """);
        }

        @Test
        void writesFollowedByAnExpireInTheMethodAHelperOrTheClassAreSilent() {
            assertFindings(dir, RULE, """
                    package com.acme.learning.adapter.redis;

                    import java.time.Duration;
                    import org.springframework.data.redis.core.StringRedisTemplate;

                    public class SessionIndex {
                        private static final Duration TTL = Duration.ofDays(1);
                        private final StringRedisTemplate redis;

                        SessionIndex(StringRedisTemplate redis) {
                            this.redis = redis;
                        }

                        void add(String userId, String sessionId) {
                            String key = "sessions:" + userId;
                            redis.opsForSet().add(key, sessionId);
                            redis.expire(key, TTL);
                        }

                        void push(String userId, String sessionId) {
                            redis.opsForList().rightPush(recent(userId), sessionId);
                            touch(userId);
                        }

                        void count(String userId, String sessionId) {
                            redis.opsForHash().put(counters(userId), sessionId, "1");
                        }

                        void refresh(String userId) {
                            redis.expire(counters(userId), TTL);
                        }

                        private void touch(String userId) {
                            redis.expire(recent(userId), TTL);
                        }

                        private static String recent(String userId) {
                            return "recent:" + userId;
                        }

                        private static String counters(String userId) {
                            return "counters:" + userId;
                        }
                    }
                    """);
        }

        @Test
        void readsAndNonRedisCallsNamedLikeWritesAreSilent() {
            assertFindings(dir, RULE, """
                    package com.acme.learning.application;

                    import java.util.HashMap;
                    import java.util.Map;
                    import java.util.Set;
                    import org.springframework.data.redis.core.StringRedisTemplate;

                    public class Totals {
                        private final StringRedisTemplate redis;
                        private final Map<String, String> local = new HashMap<>();

                        Totals(StringRedisTemplate redis) {
                            this.redis = redis;
                        }

                        String get(String userId, Set<String> seen) {
                            local.put(userId, "x");
                            seen.add(userId);
                            redis.opsForValue().increment("hits:" + userId);
                            redis.delete("stale:" + userId);
                            return redis.opsForValue().get("total:" + userId);
                        }
                    }
                    """);
        }
    }
}
