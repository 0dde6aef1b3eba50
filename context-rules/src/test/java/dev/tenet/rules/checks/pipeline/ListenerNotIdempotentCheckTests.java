package dev.tenet.rules.checks.pipeline;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListenerNotIdempotentCheckTests {
    static final List<String> RULE = List.of("pipeline.listener-not-idempotent");

    @TempDir
    Path dir;

    @Test
    void flagsARedisIncrementInTheServiceTheListenerCalls() {
        assertFindings(dir, RULE, """
                // file: MinutesListener.java
                package com.acme.learning;

                import org.springframework.kafka.annotation.KafkaListener;

                public class MinutesListener {
                    private final MinutesService minutes;

                    MinutesListener(MinutesService minutes) {
                        this.minutes = minutes;
                    }

                    @KafkaListener(topics = "learning.session-finished")
                    public void on(SessionFinished event) {
                        minutes.add(event.userId(), event.minutes()); // VIOLATION: pipeline.listener-not-idempotent
                    }
                }
                // file: MinutesService.java
                package com.acme.learning;

                import org.springframework.data.redis.core.StringRedisTemplate;

                public class MinutesService {
                    private final StringRedisTemplate redis;

                    MinutesService(StringRedisTemplate redis) {
                        this.redis = redis;
                    }

                    void add(String userId, long minutes) {
                        redis.opsForValue().increment("minutes:" + userId, minutes);
                    }
                }
                """);
    }

    @Test
    void flagsAccumulatingWritesThroughEveryRedisApiTheTtlCheckKnows() {
        assertFindings(dir, RULE, """
                package com.acme.learning;

                import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
                import org.redisson.api.RedissonClient;
                import org.springframework.data.redis.core.ReactiveRedisOperations;
                import org.springframework.data.redis.core.ValueOperations;
                import org.springframework.data.redis.core.ZSetOperations;
                import org.springframework.kafka.annotation.KafkaListener;
                import redis.clients.jedis.commands.JedisCommands;

                public class MinutesListeners {
                    private final ValueOperations<String, String> values;
                    private final ZSetOperations<String, String> leaderboard;
                    private final ReactiveRedisOperations<String, String> reactive;
                    private final JedisCommands jedis;
                    private final RedisAdvancedClusterCommands<String, String> cluster;
                    private final RedissonClient redisson;

                    MinutesListeners(ValueOperations<String, String> values, ZSetOperations<String, String> leaderboard,
                            ReactiveRedisOperations<String, String> reactive, JedisCommands jedis,
                            RedisAdvancedClusterCommands<String, String> cluster, RedissonClient redisson) {
                        this.values = values;
                        this.leaderboard = leaderboard;
                        this.reactive = reactive;
                        this.jedis = jedis;
                        this.cluster = cluster;
                        this.redisson = redisson;
                    }

                    @KafkaListener(topics = "learning.a")
                    public void typedOperations(SessionFinished event) {
                        values.increment("minutes:" + event.userId(), event.minutes()); // VIOLATION: pipeline.listener-not-idempotent
                    }

                    @KafkaListener(topics = "learning.b")
                    public void sortedSetScore(SessionFinished event) {
                        leaderboard.incrementScore("leaderboard", event.userId(), event.minutes()); // VIOLATION: pipeline.listener-not-idempotent
                    }

                    @KafkaListener(topics = "learning.c")
                    public void reactiveTemplate(SessionFinished event) {
                        reactive.opsForValue().increment("minutes:" + event.userId(), event.minutes()).block(); // VIOLATION: pipeline.listener-not-idempotent
                    }

                    @KafkaListener(topics = "learning.d")
                    public void jedisCommands(SessionFinished event) {
                        jedis.incrBy("minutes:" + event.userId(), event.minutes()); // VIOLATION: pipeline.listener-not-idempotent
                    }

                    @KafkaListener(topics = "learning.e")
                    public void lettuceCluster(SessionFinished event) {
                        cluster.incrby("minutes:" + event.userId(), event.minutes()); // VIOLATION: pipeline.listener-not-idempotent
                    }

                    @KafkaListener(topics = "learning.f")
                    public void redissonCounter(SessionFinished event) {
                        redisson.getAtomicLong("minutes:" + event.userId()).addAndGet(event.minutes()); // VIOLATION: pipeline.listener-not-idempotent
                    }

                    @KafkaListener(topics = "learning.g")
                    public void redissonList(SessionFinished event) {
                        redisson.getList("sessions:" + event.userId()).add(event.sessionId()); // VIOLATION: pipeline.listener-not-idempotent
                    }

                    @KafkaListener(topics = "learning.h")
                    public void redissonSetAddIsIdempotent(SessionFinished event) {
                        redisson.getSet("sessions:" + event.userId()).add(event.sessionId());
                    }
                }
                """);
    }

    @Test
    void flagsADatabaseWriteAndAPaymentCallInKafkaHandlers() {
        assertFindings(dir, RULE, """
                package com.acme.payments;

                import org.springframework.kafka.annotation.KafkaHandler;
                import org.springframework.kafka.annotation.KafkaListener;
                import org.springframework.web.client.RestTemplate;

                @KafkaListener(topics = "payments")
                public class PaymentHandlers {
                    private final PaymentRepository payments;
                    private final RestTemplate partner;

                    PaymentHandlers(PaymentRepository payments, RestTemplate partner) {
                        this.payments = payments;
                        this.partner = partner;
                    }

                    @KafkaHandler
                    public void requested(PaymentRequested request) {
                        partner.postForEntity("https://partner/charges", request, String.class); // VIOLATION: pipeline.listener-not-idempotent
                    }

                    @KafkaHandler
                    public void captured(PaymentCaptured captured) {
                        payments.save(new Payment(captured.amount())); // VIOLATION: pipeline.listener-not-idempotent
                    }
                }
                // file: PaymentRepository.java
                package com.acme.payments;

                import org.springframework.data.jpa.repository.JpaRepository;

                public interface PaymentRepository extends JpaRepository<Payment, Long> {
                }
                // file: Payment.java
                package com.acme.payments;

                import jakarta.persistence.Entity;
                import jakarta.persistence.GeneratedValue;
                import jakarta.persistence.Id;

                @Entity
                public class Payment {
                    @Id
                    @GeneratedValue
                    private Long id;
                    private long amount;

                    Payment(long amount) {
                        this.amount = amount;
                    }
                }
                """);
    }

    @Test
    void savingALoadedEntityOrANewOneWithTheEventsIdIsAnUpdateNotAnInsert() {
        assertFindings(dir, RULE, """
                package com.acme.catalog;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;
                import org.springframework.data.jpa.repository.JpaRepository;
                import org.springframework.kafka.annotation.KafkaListener;

                public class ItemListener {
                    private final ItemRepository items;

                    ItemListener(ItemRepository items) {
                        this.items = items;
                    }

                    @KafkaListener(topics = "items.requested")
                    public void requested(ItemEvent event) {
                        Item item = items.findById(event.itemId()).orElseThrow();
                        item.setStatus("REQUESTED");
                        items.save(item);
                    }

                    @KafkaListener(topics = "items.created")
                    public void created(ItemEvent event) {
                        items.save(new Item(event.itemId(), "AVAILABLE"));
                    }
                }

                @Entity
                class Item {
                    @Id
                    private String id;
                    private String status;

                    Item(String id, String status) {
                        this.id = id;
                        this.status = status;
                    }

                    void setStatus(String status) {
                        this.status = status;
                    }
                }

                interface ItemRepository extends JpaRepository<Item, String> {
                }
                """);
    }

    @Test
    void aDuplicateKeyCatchThatSkipsIsAClaimButOneThatGoesOnWorkingIsNot() {
        assertFindings(dir, RULE, """
                package com.acme.stats;

                import org.slf4j.Logger;
                import org.springframework.dao.DataIntegrityViolationException;
                import org.springframework.dao.DuplicateKeyException;
                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.kafka.annotation.KafkaListener;

                public class StatsListener {
                    private final JdbcTemplate jdbc;
                    private final Logger logger;

                    StatsListener(JdbcTemplate jdbc, Logger logger) {
                        this.jdbc = jdbc;
                        this.logger = logger;
                    }

                    @KafkaListener(topics = "loans")
                    public void claimed(LoanEvent event) {
                        try {
                            jdbc.update("INSERT INTO processed_event (event_id) VALUES (?)", event.id());
                        } catch (DuplicateKeyException e) {
                            logger.info("already applied {}", event.id());
                            return;
                        }
                        jdbc.update("UPDATE daily SET loans = loans + 1 WHERE day = ?", event.day());
                    }

                    @KafkaListener(topics = "renewals")
                    public void claimedByAHelperThatThrows(LoanEvent event) {
                        try {
                            claim(event);
                            jdbc.update("UPDATE daily SET renewals = renewals + 1 WHERE day = ?", event.day());
                        } catch (AlreadyApplied e) {
                            logger.debug("duplicate {}", event.id());
                        }
                    }

                    private void claim(LoanEvent event) {
                        try {
                            jdbc.update("INSERT INTO processed_event (event_id) VALUES (?)", event.id());
                        } catch (DuplicateKeyException e) {
                            throw new AlreadyApplied();
                        }
                    }

                    static class AlreadyApplied extends RuntimeException {
                    }

                    @KafkaListener(topics = "returns")
                    public void upserted(LoanEvent event) {
                        try {
                            jdbc.update("INSERT INTO daily (day, loans) VALUES (?, 0)", event.day()); // VIOLATION: pipeline.listener-not-idempotent
                        } catch (DataIntegrityViolationException e) {
                            increment(event);
                        }
                        increment(event);
                    }

                    private void increment(LoanEvent event) {
                        jdbc.update("UPDATE daily SET returns = returns + 1 WHERE day = ?", event.day());
                    }
                }
                """);
    }

    @Test
    void aJdbcBatchWhoseUpdateCountDecidesIsAClaimButOneWhoseCountIsOnlyLoggedIsNot() {
        assertFindings(dir, RULE, """
                package com.acme.stats;

                import java.sql.Connection;
                import java.sql.PreparedStatement;
                import java.sql.SQLException;
                import java.util.List;
                import org.slf4j.Logger;
                import org.springframework.kafka.annotation.KafkaListener;

                public class StatsListener {
                    private final Connection connection;
                    private final Logger logger;

                    StatsListener(Connection connection, Logger logger) {
                        this.connection = connection;
                        this.logger = logger;
                    }

                    @KafkaListener(topics = "loans", batch = "true")
                    public void claimed(List<LoanEvent> events) throws SQLException {
                        if (claimAll(events)) {
                            addLoans(events.size());
                        }
                    }

                    private boolean claimAll(List<LoanEvent> events) throws SQLException {
                        try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO processed_event (event_id) VALUES (?)")) {
                            for (LoanEvent event : events) {
                                insert.setString(1, event.id());
                                insert.addBatch();
                            }
                            insert.executeBatch();
                            return insert.getUpdateCount() == events.size();
                        }
                    }

                    @KafkaListener(topics = "returns", batch = "true")
                    public void counted(List<LoanEvent> events) throws SQLException {
                        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO returned (event_id) VALUES (?)")) {
                            for (LoanEvent event : events) {
                                insert.setString(1, event.id());
                                insert.addBatch();
                            }
                            insert.executeBatch(); // VIOLATION: pipeline.listener-not-idempotent
                            logger.info("stored {} returns", insert.getUpdateCount());
                        }
                    }

                    private void addLoans(int loans) throws SQLException {
                        try (PreparedStatement update = connection.prepareStatement("UPDATE daily SET loans = loans + ?")) {
                            update.setInt(1, loans);
                            update.executeUpdate();
                        }
                    }
                }
                """);
    }

    @Test
    void flagsAListenerThatPublishesWithNoGuard() {
        assertFindings(dir, RULE, """
                package com.acme.learning;

                import org.springframework.kafka.annotation.KafkaListener;
                import org.springframework.kafka.core.KafkaTemplate;

                public class LeaderboardFeeder {
                    private final KafkaTemplate<String, String> kafkaTemplate;

                    LeaderboardFeeder(KafkaTemplate<String, String> kafkaTemplate) {
                        this.kafkaTemplate = kafkaTemplate;
                    }

                    @KafkaListener(topics = "learning.progress")
                    public void on(ProgressEvent event) {
                        kafkaTemplate.send("learning.leaderboard", event.userId(), event.toJson()); // VIOLATION: pipeline.listener-not-idempotent
                    }
                }
                """);
    }

    @Test
    void aGuardAfterTheSideEffectDoesNotCount() {
        assertFindings(dir, RULE, """
                package com.acme.learning;

                import java.time.Duration;
                import org.springframework.data.redis.core.StringRedisTemplate;
                import org.springframework.kafka.annotation.KafkaListener;

                public class MinutesListener {
                    private final StringRedisTemplate redis;

                    MinutesListener(StringRedisTemplate redis) {
                        this.redis = redis;
                    }

                    @KafkaListener(topics = "learning.session-finished")
                    public void on(SessionFinished event) {
                        redis.opsForValue().increment("minutes:" + event.userId(), event.minutes()); // VIOLATION: pipeline.listener-not-idempotent
                        if (Boolean.FALSE.equals(redis.opsForValue().setIfAbsent("seen:" + event.eventId(), "1", Duration.ofDays(7)))) {
                            return;
                        }
                    }
                }
                """);
    }

    @Test
    void namesLogLinesAndMetricsAreNoGuard() {
        assertFindings(dir, RULE, """
                package com.acme.learning;

                import io.micrometer.core.instrument.Counter;
                import org.slf4j.Logger;
                import org.springframework.kafka.annotation.KafkaListener;
                import org.springframework.data.redis.core.StringRedisTemplate;

                public class MinutesListener {
                    private final StringRedisTemplate redis;
                    private final Counter processedEvents;
                    private final Logger log;

                    MinutesListener(StringRedisTemplate redis, Counter processedEvents, Logger log) {
                        this.redis = redis;
                        this.processedEvents = processedEvents;
                        this.log = log;
                    }

                    @KafkaListener(topics = "learning.session-finished")
                    public void on(SessionFinished event) {
                        log.info("dedup check for {}", event.eventId());
                        processedEvents.increment();
                        redis.opsForValue().increment("minutes:" + event.userId(), event.minutes()); // VIOLATION: pipeline.listener-not-idempotent
                    }
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void aListenerWhoseServiceDedupsOnTheEventId() {
            assertFindings(dir, RULE, """
                    // file: MinutesListener.java
                    package com.acme.learning;

                    import org.springframework.kafka.annotation.KafkaListener;

                    public class MinutesListener {
                        private final MinutesService minutes;

                        MinutesListener(MinutesService minutes) {
                            this.minutes = minutes;
                        }

                        @KafkaListener(topics = "learning.session-finished")
                        public void on(SessionFinished event) {
                            minutes.add(event);
                        }
                    }
                    // file: MinutesService.java
                    package com.acme.learning;

                    import org.springframework.transaction.annotation.Transactional;

                    public class MinutesService {
                        private final ProcessedEventRepository processedEvents;
                        private final MinutesRepository minutes;

                        MinutesService(ProcessedEventRepository processedEvents, MinutesRepository minutes) {
                            this.processedEvents = processedEvents;
                            this.minutes = minutes;
                        }

                        @Transactional
                        void add(SessionFinished event) {
                            if (processedEvents.existsByEventId(event.eventId())) {
                                return;
                            }
                            processedEvents.save(new ProcessedEvent(event.eventId()));
                            minutes.increment(event.userId(), event.minutes());
                        }
                    }
                    // file: ProcessedEventRepository.java
                    package com.acme.learning;

                    import org.springframework.data.repository.CrudRepository;

                    public interface ProcessedEventRepository extends CrudRepository<ProcessedEvent, String> {
                        boolean existsByEventId(String eventId);
                    }
                    // file: MinutesRepository.java
                    package com.acme.learning;

                    import org.springframework.data.jpa.repository.JpaRepository;
                    import org.springframework.data.jpa.repository.Modifying;
                    import org.springframework.data.jpa.repository.Query;

                    public interface MinutesRepository extends JpaRepository<TrainingTime, String> {
                        @Modifying
                        @Query("update TrainingTime t set t.minutes = t.minutes + :minutes where t.userId = :userId")
                        void increment(String userId, long minutes);
                    }
                    """);
        }

        @Test
        void aProcessedEventInsertKeptInASqlConstant() {
            assertFindings(dir, RULE, """
                    package com.acme.learning;

                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.transaction.annotation.Transactional;

                    public class MinutesListener {
                        private static final String MARK_PROCESSED = "INSERT INTO processed_event (event_id) VALUES (?) ON CONFLICT DO NOTHING";
                        private static final String ADD_MINUTES = "UPDATE training_time SET minutes = minutes + ? WHERE user_id = ?";
                        private final JdbcTemplate jdbcTemplate;

                        MinutesListener(JdbcTemplate jdbcTemplate) {
                            this.jdbcTemplate = jdbcTemplate;
                        }

                        @Transactional
                        @KafkaListener(topics = "learning.session-finished")
                        public void on(SessionFinished event) {
                            if (jdbcTemplate.update(MARK_PROCESSED, event.eventId()) == 1) {
                                jdbcTemplate.update(ADD_MINUTES, event.minutes(), event.userId());
                            }
                        }
                    }
                    """);
        }

        @Test
        void aRedisSetIfAbsentGuard() {
            assertFindings(dir, RULE, """
                    package com.acme.learning;

                    import java.time.Duration;
                    import org.springframework.data.redis.core.StringRedisTemplate;
                    import org.springframework.kafka.annotation.KafkaListener;

                    public class MinutesListener {
                        private final StringRedisTemplate redis;

                        MinutesListener(StringRedisTemplate redis) {
                            this.redis = redis;
                        }

                        @KafkaListener(topics = "learning.session-finished")
                        public void on(SessionFinished event) {
                            Boolean first = redis.opsForValue().setIfAbsent("seen:" + event.eventId(), "1", Duration.ofDays(7));
                            if (Boolean.TRUE.equals(first)) {
                                redis.opsForValue().increment("minutes:" + event.userId(), event.minutes());
                            }
                        }
                    }
                    """);
        }

        @Test
        void aRedissonTrySetGuard() {
            assertFindings(dir, RULE, """
                    package com.acme.learning;

                    import org.redisson.api.RedissonClient;
                    import org.springframework.kafka.annotation.KafkaListener;

                    public class MinutesListener {
                        private final RedissonClient redisson;

                        MinutesListener(RedissonClient redisson) {
                            this.redisson = redisson;
                        }

                        @KafkaListener(topics = "learning.session-finished")
                        public void on(SessionFinished event) {
                            if (redisson.getBucket("seen:" + event.eventId()).trySet("1")) {
                                redisson.getAtomicLong("minutes:" + event.userId()).addAndGet(event.minutes());
                            }
                        }
                    }
                    """);
        }

        @Test
        void listenersThatOnlyReadOverwriteOrDeleteIdempotently() {
            assertFindings(dir, RULE, """
                    package com.acme.learning;

                    import org.springframework.data.redis.core.StringRedisTemplate;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.web.client.RestClient;

                    public class ProgressProjector {
                        private final StringRedisTemplate redis;
                        private final RestClient profiles;
                        private final ProgressRepository progress;

                        ProgressProjector(StringRedisTemplate redis, RestClient profiles, ProgressRepository progress) {
                            this.redis = redis;
                            this.profiles = profiles;
                            this.progress = progress;
                        }

                        @KafkaListener(topics = "learning.progress")
                        public void on(ProgressEvent event) {
                            String profile = profiles.get().uri("/profiles/{id}", event.userId()).retrieve().body(String.class);
                            redis.opsForValue().set("progress:" + event.userId(), event.toJson());
                            progress.deleteByUserId(event.userId());
                            progress.markSeen(event.userId(), profile);
                        }
                    }
                    // file: ProgressRepository.java
                    package com.acme.learning;

                    import org.springframework.data.jpa.repository.JpaRepository;
                    import org.springframework.data.jpa.repository.Modifying;
                    import org.springframework.data.jpa.repository.Query;

                    public interface ProgressRepository extends JpaRepository<Progress, String> {
                        void deleteByUserId(String userId);

                        @Modifying
                        @Query("update Progress p set p.profile = :profile where p.userId = :userId")
                        void markSeen(String userId, String profile);
                    }
                    """);
        }
    }
}
