package dev.tenet.rules.checks.caching;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheManagerWithoutTtlCheckTests {
    private static final List<String> RULE = List.of("caching.cache-manager-without-ttl");

    @TempDir
    Path dir;

    @Test
    void cacheManagersAndDefaultConfigurationsWithoutEntryTtlAreReported() {
        assertFindings(dir, RULE, """
                package com.acme.learning.config;

                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.Configuration;
                import org.springframework.data.redis.cache.RedisCacheConfiguration;
                import org.springframework.data.redis.cache.RedisCacheManager;
                import org.springframework.data.redis.connection.RedisConnectionFactory;

                @Configuration
                public class CacheConfig {
                    @Bean
                    RedisCacheManager simple(RedisConnectionFactory connectionFactory) {
                        return RedisCacheManager.create(connectionFactory); // VIOLATION: caching.cache-manager-without-ttl
                    }

                    @Bean
                    RedisCacheManager built(RedisConnectionFactory connectionFactory) {
                        return RedisCacheManager.builder(connectionFactory) // VIOLATION: caching.cache-manager-without-ttl
                                .cacheDefaults(defaults())
                                .transactionAware()
                                .build();
                    }

                    @Bean
                    RedisCacheConfiguration cacheConfiguration() {
                        return RedisCacheConfiguration.defaultCacheConfig().disableCachingNullValues(); // VIOLATION: caching.cache-manager-without-ttl
                    }

                    private RedisCacheConfiguration defaults() {
                        return RedisCacheConfiguration.defaultCacheConfig().prefixCacheNameWith("learning:");
                    }
                }
                """);
    }

    @Test
    void springCacheTypeRedisWithoutTimeToLiveIsReportedAtTheProperty() {
        assertFindings(dir, RULE, """
                // file: src/main/resources/application.yml
                spring:
                  application:
                    name: learning-totals
                  cache:
                    type: redis # // VIOLATION: caching.cache-manager-without-ttl
                // file: src/main/java/com/acme/learning/LearningApplication.java
                package com.acme.learning;

                import org.springframework.cache.annotation.EnableCaching;

                @EnableCaching
                public class LearningApplication {
                }
                """);
    }

    @Test
    void theCacheTypeAloneCachesNothingWithoutEnableCaching() {
        assertFindings(dir, RULE, """
                // file: src/main/resources/application.yml
                spring:
                  cache:
                    type: redis
                """);
    }

    @Test
    void aTestProfileIsNotProductionConfiguration() {
        assertFindings(dir, RULE, """
                // file: src/test/resources/application-test.yml
                spring:
                  cache:
                    type: redis
                // file: src/main/java/com/acme/learning/LearningApplication.java
                package com.acme.learning;

                import org.springframework.cache.annotation.EnableCaching;

                @EnableCaching
                public class LearningApplication {
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void entryTtlOnTheDefaultsInAHelperOrAnInjectedConfigurationIsSilent() {
            assertFindings(dir, RULE, """
                    package com.acme.learning.config;

                    import java.time.Duration;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.data.redis.cache.RedisCacheConfiguration;
                    import org.springframework.data.redis.cache.RedisCacheManager;
                    import org.springframework.data.redis.connection.RedisConnectionFactory;

                    @Configuration
                    public class CacheConfig {
                        @Bean
                        RedisCacheManager inline(RedisConnectionFactory connectionFactory) {
                            return RedisCacheManager.builder(connectionFactory)
                                    .cacheDefaults(RedisCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofMinutes(10)))
                                    .build();
                        }

                        @Bean
                        RedisCacheManager viaHelper(RedisConnectionFactory connectionFactory) {
                            return RedisCacheManager.builder(connectionFactory).cacheDefaults(defaults()).build();
                        }

                        @Bean
                        RedisCacheManager injected(RedisConnectionFactory connectionFactory, RedisCacheConfiguration defaults) {
                            return RedisCacheManager.builder(connectionFactory).cacheDefaults(defaults).build();
                        }

                        @Bean
                        RedisCacheConfiguration cacheConfiguration() {
                            return defaults();
                        }

                        private RedisCacheConfiguration defaults() {
                            return RedisCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofMinutes(10));
                        }
                    }
                    """);
        }

        @Test
        void springCacheTypeRedisWithATimeToLiveInAnyProfileIsSilent() {
            assertFindings(dir, RULE, """
                    // file: src/main/resources/application.yml
                    spring:
                      cache:
                        type: redis
                    // file: src/main/resources/application-prod.properties
                    spring.cache.redis.timeToLive=10m
                    """);
        }

        @Test
        void aCacheManagerDefinedInCodeTakesOverFromTheProperties() {
            assertFindings(dir, RULE, """
                    // file: src/main/resources/application.yml
                    spring:
                      cache:
                        type: redis
                    // file: CacheConfig.java
                    package com.acme.learning.config;

                    import java.time.Duration;
                    import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.data.redis.cache.RedisCacheConfiguration;

                    @Configuration
                    public class CacheConfig {
                        @Bean
                        RedisCacheManagerBuilderCustomizer partnerProfileTtl() {
                            return builder -> builder.withCacheConfiguration("partner-profile",
                                    RedisCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofHours(1)));
                        }
                    }
                    """);
        }
    }
}
