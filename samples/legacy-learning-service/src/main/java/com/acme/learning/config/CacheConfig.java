package com.acme.learning.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Spring cache backed by Redis. */
@Configuration
public class CacheConfig {
    @Bean
    public RedisCacheManager cacheManager(RedisConnectionFactory connections) {
        return RedisCacheManager.builder(connections).build(); // VIOLATION: caching.cache-manager-without-ttl
    }
}
