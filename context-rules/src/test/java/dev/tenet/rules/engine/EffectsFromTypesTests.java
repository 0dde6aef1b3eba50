package dev.tenet.rules.engine;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a call does is told by its receiver's resolved type, never by a name: the probes that once
 * fooled the engine, and the framework APIs it must see through.
 */
class EffectsFromTypesTests {
    static final List<String> PIPELINE = List.of("pipeline.outbox-dual-write", "pipeline.listener-not-idempotent",
            "pipeline.blocking-listener");

    @TempDir
    Path dir;

    @Nested
    class NamesAreNoEvidence {
        @Test
        void aMapperNamedReceiverIsNoDatabaseAndAnIndexLoopIsNoRetry() {
            assertFindings(dir, PIPELINE, """
                    package com.acme.ledger;

                    import com.fasterxml.jackson.databind.ObjectMapper;
                    import java.util.List;
                    import org.springframework.kafka.annotation.KafkaListener;

                    public class LedgerListener {
                        private final ObjectMapper objectMapper;
                        private final EntryMapper entryMapper;

                        LedgerListener(ObjectMapper objectMapper, EntryMapper entryMapper) {
                            this.objectMapper = objectMapper;
                            this.entryMapper = entryMapper;
                        }

                        @KafkaListener(topics = "accounting.entries")
                        public void on(List<String> entries) {
                            objectMapper.createObjectNode();
                            entryMapper.insertAll(entries);
                            int tries = 0;
                            for (int i = 0; i < entries.size(); i++) {
                                try {
                                    tries += entries.get(i).length();
                                } catch (RuntimeException e) {
                                    tries--;
                                }
                            }
                        }
                    }
                    // file: EntryMapper.java
                    package com.acme.ledger;

                    import java.util.List;

                    public class EntryMapper {
                        void insertAll(List<String> entries) {
                        }
                    }
                    """);
        }

        @Test
        void aKafkaTemplateOfAnotherPackageAndADaoNamedReceiverHaveNoEffect() {
            assertFindings(dir, PIPELINE, """
                    package com.acme.payments;

                    import com.acme.legacy.KafkaTemplate;
                    import org.springframework.transaction.annotation.Transactional;

                    public class PaymentService {
                        private final KafkaTemplate kafkaTemplate;
                        private final AuditDao paymentRepository;

                        PaymentService(KafkaTemplate kafkaTemplate, AuditDao paymentRepository) {
                            this.kafkaTemplate = kafkaTemplate;
                            this.paymentRepository = paymentRepository;
                        }

                        @Transactional
                        public void complete(String id) {
                            paymentRepository.save(id);
                            kafkaTemplate.send("payments", id);
                        }
                    }
                    """);
        }
    }

    @Nested
    class Transactions {
        @Test
        void aWriteAndASendInATransactionTemplateCallbackAreADualWrite() {
            assertFindings(dir, PIPELINE, """
                    package com.acme.payments;

                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.transaction.support.TransactionTemplate;

                    public class PaymentService {
                        private final TransactionTemplate tx;
                        private final JdbcTemplate jdbc;
                        private final KafkaTemplate<String, String> kafka;

                        PaymentService(TransactionTemplate tx, JdbcTemplate jdbc, KafkaTemplate<String, String> kafka) {
                            this.tx = tx;
                            this.jdbc = jdbc;
                            this.kafka = kafka;
                        }

                        public void complete(String id) {
                            tx.executeWithoutResult(status -> {
                                jdbc.update("UPDATE payment SET status = 'DONE' WHERE id = ?", id);
                                kafka.send("payments.completed", id, id); // VIOLATION: pipeline.outbox-dual-write
                            });
                        }
                    }
                    """);
        }

        @Test
        void supportsPropagationOpensNoTransactionAndAfterCommitWorkIsNotPartOfOne() {
            assertFindings(dir, PIPELINE, """
                    package com.acme.payments;

                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.transaction.annotation.Propagation;
                    import org.springframework.transaction.annotation.Transactional;
                    import org.springframework.transaction.support.TransactionSynchronization;
                    import org.springframework.transaction.support.TransactionSynchronizationManager;

                    @Transactional(propagation = Propagation.SUPPORTS)
                    public class PaymentService {
                        private final JdbcTemplate jdbc;
                        private final KafkaTemplate<String, String> kafka;

                        PaymentService(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka) {
                            this.jdbc = jdbc;
                            this.kafka = kafka;
                        }

                        public void complete(String id) {
                            kafka.send("payments.completing", id, id);
                            jdbc.update("UPDATE payment SET status = 'DONE' WHERE id = ?", id);
                        }

                        @Transactional
                        public void refund(String id) {
                            jdbc.update("UPDATE payment SET status = 'REFUNDED' WHERE id = ?", id);
                            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                                @Override
                                public void afterCommit() {
                                    kafka.send("payments.refunded", id, id);
                                }
                            });
                        }
                    }
                    """);
        }

        @Test
        void aSendThroughAMethodReferenceInATransactionIsSeen() {
            assertFindings(dir, PIPELINE, """
                    package com.acme.payments;

                    import java.util.List;
                    import org.apache.kafka.clients.producer.Producer;
                    import org.apache.kafka.clients.producer.ProducerRecord;
                    import org.springframework.data.jpa.repository.JpaRepository;
                    import org.springframework.transaction.annotation.Transactional;

                    public class PaymentService {
                        private final PaymentRepository payments;
                        private final Producer<String, String> producer;

                        PaymentService(PaymentRepository payments, Producer<String, String> producer) {
                            this.payments = payments;
                            this.producer = producer;
                        }

                        @Transactional
                        public void completeAll(List<Payment> done, List<ProducerRecord<String, String>> events) {
                            payments.saveAll(done);
                            events.forEach(producer::send); // VIOLATION: pipeline.outbox-dual-write
                        }
                    }

                    interface PaymentRepository extends JpaRepository<Payment, Long> {
                    }
                    """);
        }

        @Test
        void committingThroughATransactionalServiceAndThenPublishingIsADualWrite() {
            assertFindings(dir, List.of("pipeline.outbox-dual-write"), """
                    // file: OrderController.java
                    package com.acme.orders;

                    import org.springframework.kafka.core.KafkaTemplate;

                    public class OrderController {
                        private final OrderService orders;
                        private final KafkaTemplate<String, String> kafka;

                        OrderController(OrderService orders, KafkaTemplate<String, String> kafka) {
                            this.orders = orders;
                            this.kafka = kafka;
                        }

                        public void place(String id) {
                            orders.save(id);
                            kafka.send("orders.placed", id, id); // VIOLATION: pipeline.outbox-dual-write
                        }

                        public void announceFirst(String id) {
                            kafka.send("orders.announced", id, id);
                            orders.save(id);
                        }
                    }
                    // file: OrderService.java
                    package com.acme.orders;

                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.transaction.annotation.Transactional;

                    public class OrderService {
                        private final JdbcTemplate jdbc;

                        OrderService(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        @Transactional
                        public void save(String id) {
                            jdbc.update("INSERT INTO orders (id) VALUES (?)", id);
                        }
                    }
                    """);
        }
    }

    @Test
    void aPublishOnAnEarlyReturnBranchThatWritesNothingIsNoDualWrite() {
        assertFindings(dir, List.of("pipeline.outbox-dual-write"), """
                package com.acme.payments;

                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.kafka.core.KafkaTemplate;
                import org.springframework.transaction.annotation.Transactional;

                public class PaymentService {
                    private final JdbcTemplate jdbc;
                    private final KafkaTemplate<String, String> kafka;

                    PaymentService(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka) {
                        this.jdbc = jdbc;
                        this.kafka = kafka;
                    }

                    @Transactional
                    public void complete(String id, boolean duplicate) {
                        if (duplicate) {
                            kafka.send("payments.duplicate", id, id);
                            return;
                        }
                        jdbc.update("UPDATE payment SET status = 'DONE' WHERE id = ?", id);
                    }

                    @Transactional
                    public void settle(String id, boolean known) {
                        if (known) {
                            jdbc.update("UPDATE payment SET status = 'SETTLED' WHERE id = ?", id);
                        } else {
                            kafka.send("payments.unknown", id, id);
                        }
                    }

                    @Transactional
                    public void refund(String id, boolean notify) {
                        jdbc.update("UPDATE payment SET status = 'REFUNDED' WHERE id = ?", id);
                        if (notify) {
                            kafka.send("payments.refunded", id, id); // VIOLATION: pipeline.outbox-dual-write
                        }
                    }
                }
                """);
    }

    @Nested
    class ClientsFromTheirTypes {
        @Test
        void aFeignPostAndAWebClientFromAnInjectedBuilderAreSideEffectsButAGetIsNot() {
            assertFindings(dir, List.of("pipeline.listener-not-idempotent"), """
                    // file: ChargeListener.java
                    package com.acme.payments;

                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.web.reactive.function.client.WebClient;

                    public class ChargeListener {
                        private final PartnerClient partner;
                        private final WebClient.Builder http;

                        ChargeListener(PartnerClient partner, WebClient.Builder http) {
                            this.partner = partner;
                            this.http = http;
                        }

                        @KafkaListener(topics = "charges")
                        public void charge(String id) {
                            partner.charge(id); // VIOLATION: pipeline.listener-not-idempotent
                        }

                        @KafkaListener(topics = "notices")
                        public void notice(String id) {
                            http.build().post().uri("/notices").bodyValue(id).retrieve().toBodilessEntity().block(); // VIOLATION: pipeline.listener-not-idempotent
                        }

                        @KafkaListener(topics = "lookups")
                        public void lookup(String id) {
                            partner.status(id);
                            http.build().get().uri("/status/{id}", id).retrieve().toBodilessEntity().block();
                        }
                    }
                    // file: PartnerClient.java
                    package com.acme.payments;

                    import org.springframework.cloud.openfeign.FeignClient;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PostMapping;

                    @FeignClient(name = "partner")
                    public interface PartnerClient {
                        @PostMapping("/charges")
                        void charge(String id);

                        @GetMapping("/charges/status")
                        String status(String id);
                    }
                    """);
        }

        @Test
        void aSubclassOfAFrameworkClientAndAMapperRegisteredByMapperScanKeepTheirEffects() {
            assertFindings(dir, List.of("pipeline.outbox-dual-write"), """
                    // file: src/main/java/com/acme/orders/OrderService.java
                    package com.acme.orders;

                    import com.acme.orders.mapper.OrderMapper;
                    import org.springframework.transaction.annotation.Transactional;

                    public class OrderService {
                        private final OrderMapper orders;
                        private final TracingKafkaTemplate kafka;

                        OrderService(OrderMapper orders, TracingKafkaTemplate kafka) {
                            this.orders = orders;
                            this.kafka = kafka;
                        }

                        @Transactional
                        public void place(String id) {
                            orders.insert(id);
                            kafka.send("orders.placed", id, id); // VIOLATION: pipeline.outbox-dual-write
                        }
                    }
                    // file: src/main/java/com/acme/orders/TracingKafkaTemplate.java
                    package com.acme.orders;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.kafka.core.ProducerFactory;

                    public class TracingKafkaTemplate extends KafkaTemplate<String, String> {
                        TracingKafkaTemplate(ProducerFactory<String, String> factory) {
                            super(factory);
                        }
                    }
                    // file: src/main/java/com/acme/orders/mapper/OrderMapper.java
                    package com.acme.orders.mapper;

                    import org.apache.ibatis.annotations.Insert;

                    public interface OrderMapper {
                        @Insert("INSERT INTO orders (id) VALUES (#{id})")
                        void insert(String id);
                    }
                    // file: src/main/java/com/acme/orders/OrdersApplication.java
                    package com.acme.orders;

                    import org.mybatis.spring.annotation.MapperScan;

                    @MapperScan("com.acme.orders.mapper")
                    public class OrdersApplication {
                    }
                    """);
        }

        @Test
        void redisOperationsHeldInAVarAreTypedThroughTheChain() {
            assertFindings(dir, List.of("pipeline.listener-not-idempotent"), """
                    package com.acme.learning;

                    import org.springframework.data.redis.core.StringRedisTemplate;
                    import org.springframework.kafka.annotation.KafkaListener;

                    public class MinutesListener {
                        private final StringRedisTemplate redis;

                        MinutesListener(StringRedisTemplate redis) {
                            this.redis = redis;
                        }

                        @KafkaListener(topics = "learning.session-finished")
                        public void on(String userId) {
                            var ops = redis.opsForValue();
                            ops.increment("minutes:" + userId, 5); // VIOLATION: pipeline.listener-not-idempotent
                        }
                    }
                    """);
        }

        @Test
        void aTeamsOwnWrapperDeclaredInTheConfigHasTheDeclaredEffect() {
            assertFindings(dir, List.of("pipeline.outbox-dual-write"), """
                    // file: .tenet/config.yml
                    effects:
                      "com.acme.events.EventPublisher#publish": kafka-send
                    // file: src/main/java/com/acme/payments/PaymentService.java
                    package com.acme.payments;

                    import com.acme.events.EventPublisher;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.transaction.annotation.Transactional;

                    public class PaymentService {
                        private final JdbcTemplate jdbc;
                        private final EventPublisher events;

                        PaymentService(JdbcTemplate jdbc, EventPublisher events) {
                            this.jdbc = jdbc;
                            this.events = events;
                        }

                        @Transactional
                        public void complete(String id) {
                            jdbc.update("INSERT INTO payment_done (id) VALUES (?)", id);
                            events.publish("payments.completed", id); // VIOLATION: pipeline.outbox-dual-write
                        }
                    }
                    """);
        }
    }

    @Nested
    class Blocking {
        @Test
        void aSleepInAReactorCallbackOrAnExecutorTaskDoesNotBlockTheListener() {
            assertFindings(dir, List.of("pipeline.blocking-listener"), """
                    package com.acme.learning;

                    import java.util.concurrent.ExecutorService;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import reactor.core.publisher.Mono;

                    public class SlowListener {
                        private final ExecutorService pool;

                        SlowListener(ExecutorService pool) {
                            this.pool = pool;
                        }

                        @KafkaListener(topics = "a")
                        public void reactive(String event) {
                            Mono.just(event).doOnNext(e -> sleep()).subscribe();
                            Mono.just(event).subscribe(e -> {
                                try {
                                    Thread.sleep(100);
                                } catch (InterruptedException ex) {
                                    Thread.currentThread().interrupt();
                                }
                            });
                        }

                        @KafkaListener(topics = "b")
                        public void pooled(String event) {
                            pool.submit(() -> {
                                Thread.sleep(100);
                                return event;
                            });
                        }

                        @KafkaListener(topics = "c")
                        public void direct(String event) throws InterruptedException {
                            Thread.sleep(100); // VIOLATION: pipeline.blocking-listener
                        }

                        private static void sleep() {
                        }
                    }
                    """);
        }

        @Test
        void aRetryLoopIsToldByItsShape() {
            assertFindings(dir, List.of("pipeline.blocking-listener"), """
                    package com.acme.learning;

                    import org.springframework.kafka.annotation.KafkaListener;

                    public class PartnerListener {
                        private final Partner partner;

                        PartnerListener(Partner partner) {
                            this.partner = partner;
                        }

                        @KafkaListener(topics = "a")
                        public void retried(String event) {
                            boolean done = false;
                            int n = 0;
                            while (!done && n < 5) { // VIOLATION: pipeline.blocking-listener
                                try {
                                    partner.call(event);
                                    done = true;
                                } catch (RuntimeException e) {
                                    n++;
                                }
                            }
                        }

                        @KafkaListener(topics = "b")
                        public void eachItemOnce(java.util.List<String> items) {
                            for (int attempt = 0; attempt < items.size(); attempt++) {
                                try {
                                    partner.call(items.get(attempt));
                                } catch (RuntimeException e) {
                                    partner.skip(items.get(attempt));
                                }
                            }
                        }
                    }

                    interface Partner {
                        void call(String event);

                        void skip(String event);
                    }
                    """);
        }
    }
}
