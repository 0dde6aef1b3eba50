package dev.tenet.rules.checks.pipeline;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.Step;
import dev.tenet.rules.testing.Codebase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxDualWriteCheckTests {
    static final List<String> RULE = List.of("pipeline.outbox-dual-write");
    static final String HELPER_DUAL_WRITE = """
            // file: OrderService.java
            package com.acme.orders;

            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.transaction.annotation.Transactional;

            public class OrderService {
                private final JdbcTemplate jdbcTemplate;
                private final PaymentPublisher publisher;

                OrderService(JdbcTemplate jdbcTemplate, PaymentPublisher publisher) {
                    this.jdbcTemplate = jdbcTemplate;
                    this.publisher = publisher;
                }

                @Transactional
                public void record(String orderId) {
                    jdbcTemplate.update("UPDATE orders SET paid = true WHERE id = ?", orderId);
                    if (orderId != null) { publisher.publish(orderId); }
                }
            }
            // file: PaymentPublisher.java
            package com.acme.orders;

            import org.springframework.kafka.core.KafkaTemplate;

            public class PaymentPublisher {
                private final KafkaTemplate<String, String> kafkaTemplate;

                PaymentPublisher(KafkaTemplate<String, String> kafkaTemplate) {
                    this.kafkaTemplate = kafkaTemplate;
                }

                public void publish(String orderId) {
                    kafkaTemplate.send("payments", orderId, orderId);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void flagsATransactionThatSavesAndSendsDirectly() {
        assertFindings(dir, RULE, """
                package com.acme.payments;

                import org.springframework.kafka.core.KafkaTemplate;
                import org.springframework.transaction.annotation.Transactional;

                public class PaymentService {
                    private final PaymentRepository payments;
                    private final KafkaTemplate<String, String> kafkaTemplate;

                    PaymentService(PaymentRepository payments, KafkaTemplate<String, String> kafkaTemplate) {
                        this.payments = payments;
                        this.kafkaTemplate = kafkaTemplate;
                    }

                    @Transactional
                    public void complete(String userId, Payment payment) {
                        payments.save(payment);
                        kafkaTemplate.send("payments.completed", userId, payment.toJson()); // VIOLATION: pipeline.outbox-dual-write
                    }
                }
                // file: PaymentRepository.java
                package com.acme.payments;

                import org.springframework.data.jpa.repository.JpaRepository;

                public interface PaymentRepository extends JpaRepository<Payment, Long> {
                }
                """);
    }

    @Test
    void flagsASendReachedThroughAnotherClassBehindAnInterface() {
        assertFindings(dir, RULE, """
                // file: TrainingService.java
                package com.acme.learning.application;

                import org.springframework.transaction.annotation.Transactional;

                public class TrainingService {
                    private final TrainingRepository minutes;
                    private final ProgressPublisher progress;

                    TrainingService(TrainingRepository minutes, ProgressPublisher progress) {
                        this.minutes = minutes;
                        this.progress = progress;
                    }

                    @Transactional
                    public void record(String userId, long sessionMinutes) {
                        minutes.addMinutes(userId, sessionMinutes);
                        progress.publish(userId, sessionMinutes); // VIOLATION: pipeline.outbox-dual-write
                    }
                }
                // file: TrainingRepository.java
                package com.acme.learning.application;

                import org.springframework.jdbc.core.JdbcTemplate;

                public class TrainingRepository {
                    private final JdbcTemplate jdbc;

                    TrainingRepository(JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }

                    void addMinutes(String userId, long minutes) {
                        jdbc.update("UPDATE training SET minutes = minutes + ? WHERE user_id = ?", minutes, userId);
                    }
                }
                // file: ProgressPublisher.java
                package com.acme.learning.application;

                public interface ProgressPublisher {
                    void publish(String userId, long minutes);
                }
                // file: KafkaProgressPublisher.java
                package com.acme.learning.adapter;

                import com.acme.learning.application.ProgressPublisher;
                import org.springframework.kafka.core.KafkaTemplate;

                public class KafkaProgressPublisher implements ProgressPublisher {
                    private final KafkaTemplate<String, String> kafkaTemplate;

                    KafkaProgressPublisher(KafkaTemplate<String, String> kafkaTemplate) {
                        this.kafkaTemplate = kafkaTemplate;
                    }

                    @Override
                    public void publish(String userId, long minutes) {
                        send(userId, "{\\"minutes\\":" + minutes + "}");
                    }

                    private void send(String key, String json) {
                        kafkaTemplate.send("learning.progress", key, json);
                    }
                }
                """);
    }

    @Test
    void reportsAtTheCallThatLeadsToTheSendWithThePathDownToItAndTheWriteAsRelatedSteps() {
        List<Finding> findings = new Codebase(dir).add(HELPER_DUAL_WRITE).check(RULE.get(0));

        assertThat(findings).hasSize(1);
        Finding dualWrite = findings.get(0);
        String service = "src/main/java/com/acme/orders/OrderService.java";
        String publisher = "src/main/java/com/acme/orders/PaymentPublisher.java";
        assertThat(dualWrite.position()).isEqualTo(service + ":18:32");
        assertThat(dualWrite.path()).containsExactly(
                new Step(service, 18, 32, "calls PaymentPublisher#publish"),
                new Step(publisher, 13, 9, "publishes to Kafka (kafkaTemplate.send())"));
        assertThat(dualWrite.related()).containsExactly(new Step(service, 17, 9, "writes the database (jdbcTemplate.update())"));
        assertThat(dualWrite.message()).startsWith("This call publishes to Kafka (kafkaTemplate.send() via PaymentPublisher#publish)"
                + " inside the transaction of @Transactional OrderService#record, which also writes the database (jdbcTemplate.update())");
    }

    @Test
    void theFingerprintSurvivesEditsThatOnlyMoveThePathsLinesAndColumns() {
        Finding before = new Codebase(dir.resolve("before")).add(HELPER_DUAL_WRITE).check(RULE.get(0)).get(0);
        String moved = HELPER_DUAL_WRITE
                .replace("public class OrderService {", "/** Orders. */\npublic class OrderService {\n    static final int UNUSED = 1;\n")
                .replace("if (orderId != null) { publisher.publish(orderId); }", "if (orderId != null) {\n            publisher.publish(orderId);\n        }")
                .replace("public class PaymentPublisher {", "public class PaymentPublisher {\n    String topic() {\n        return \"payments\";\n    }\n");
        Finding after = new Codebase(dir.resolve("after")).add(moved).check(RULE.get(0)).get(0);

        assertThat(after.position()).isNotEqualTo(before.position());
        assertThat(after.path().get(1).line()).isNotEqualTo(before.path().get(1).line());
        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
    }

    @Test
    void flagsASendInAKafkaTransactionOfItsOwn() {
        assertFindings(dir, RULE, """
                package com.acme.payments;

                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.kafka.core.KafkaTemplate;
                import org.springframework.transaction.annotation.Transactional;

                public class RefundService {
                    private final JdbcTemplate jdbcTemplate;
                    private final KafkaTemplate<String, String> kafkaTemplate;

                    RefundService(JdbcTemplate jdbcTemplate, KafkaTemplate<String, String> kafkaTemplate) {
                        this.jdbcTemplate = jdbcTemplate;
                        this.kafkaTemplate = kafkaTemplate;
                    }

                    @Transactional
                    public void refund(String userId, String paymentId) {
                        jdbcTemplate.update("UPDATE payment SET status = 'REFUNDED' WHERE id = ?", paymentId);
                        kafkaTemplate.executeInTransaction(ops -> ops.send("payments.refunded", userId, paymentId)); // VIOLATION: pipeline.outbox-dual-write
                    }
                }
                """);
    }

    @Test
    void classLevelTransactionalCoversEveryProxiedMethodAndReportsTheEntryPointsOnly() {
        assertFindings(dir, RULE, """
                package com.acme.learning;

                import org.springframework.kafka.core.KafkaTemplate;
                import org.springframework.transaction.annotation.Transactional;

                @Transactional
                public class EnrolmentService {
                    private final EnrolmentRepository enrolments;
                    private final KafkaTemplate<String, String> kafkaTemplate;

                    EnrolmentService(EnrolmentRepository enrolments, KafkaTemplate<String, String> kafkaTemplate) {
                        this.enrolments = enrolments;
                        this.kafkaTemplate = kafkaTemplate;
                    }

                    public void enrol(String userId, String courseId) {
                        saveAndAnnounce(userId, courseId); // VIOLATION: pipeline.outbox-dual-write
                    }

                    // Spring 6+ class-based proxies run package-private methods in the class's transaction too.
                    void reenrol(String userId, String courseId) {
                        saveAndAnnounce(userId, courseId); // VIOLATION: pipeline.outbox-dual-write
                    }

                    private void saveAndAnnounce(String userId, String courseId) {
                        enrolments.insert(userId, courseId);
                        kafkaTemplate.send("learning.enrolled", userId, courseId);
                    }
                }
                // file: EnrolmentRepository.java
                package com.acme.learning;

                import org.apache.ibatis.annotations.Insert;
                import org.apache.ibatis.annotations.Mapper;

                @Mapper
                public interface EnrolmentRepository {
                    @Insert("INSERT INTO enrolment (user_id, course_id) VALUES (#{userId}, #{courseId})")
                    void insert(String userId, String courseId);
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void anIgnoreCommentAboveTheMethodCoversTheFindingThatStartsInItsBody() {
            assertFindings(dir, RULE, """
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

                        // tenet:ignore pipeline.outbox-dual-write -- the audit topic may lose an event; accepted
                        @Transactional
                        public void complete(String id) {
                            jdbc.update("UPDATE payment SET status = 'DONE' WHERE id = ?", id);
                            kafka.send("payments.audit", id, id);
                        }
                    }
                    """);
        }

        @Test
        void aTransactionThatWritesOnlyTheOutbox() {
            assertFindings(dir, RULE, """
                    package com.acme.payments;

                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.transaction.annotation.Transactional;

                    public class PaymentService {
                        private static final String INSERT_EVENT = "INSERT INTO outbox (topic, msg_key, payload) VALUES (?, ?, ?)";
                        private final PaymentRepository payments;
                        private final JdbcTemplate jdbcTemplate;
                        private final OutboxRepository outboxRepository;

                        PaymentService(PaymentRepository payments, JdbcTemplate jdbcTemplate, OutboxRepository outboxRepository) {
                            this.payments = payments;
                            this.jdbcTemplate = jdbcTemplate;
                            this.outboxRepository = outboxRepository;
                        }

                        @Transactional
                        public void complete(String userId, Payment payment) {
                            payments.save(payment);
                            jdbcTemplate.update(INSERT_EVENT, "payments.completed", userId, payment.toJson());
                        }

                        @Transactional
                        public void cancel(String userId, Payment payment) {
                            payments.delete(payment);
                            outboxRepository.save(new OutboxEvent("payments.cancelled", userId, payment.toJson()));
                        }
                    }
                    """);
        }

        @Test
        void theRelayThatPublishesAndMarksOutboxRows() {
            assertFindings(dir, RULE, """
                    package com.acme.payments.outbox;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.transaction.annotation.Transactional;

                    public class OutboxRelay {
                        private final OutboxEventRepository repository;
                        private final KafkaTemplate<String, String> kafkaTemplate;

                        OutboxRelay(OutboxEventRepository repository, KafkaTemplate<String, String> kafkaTemplate) {
                            this.repository = repository;
                            this.kafkaTemplate = kafkaTemplate;
                        }

                        @Transactional
                        public void relay() {
                            for (OutboxEvent event : repository.findUnpublished()) {
                                kafkaTemplate.send(event.topic(), event.key(), event.payload());
                                repository.deleteById(event.id());
                            }
                        }
                    }
                    """);
        }

        @Test
        void aWriteAndASendOutsideAnyTransactionOrWithTransactionsSuspended() {
            assertFindings(dir, RULE, """
                    package com.acme.payments;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.transaction.annotation.Propagation;
                    import org.springframework.transaction.annotation.Transactional;

                    @Transactional
                    public class AuditService {
                        private final AuditRepository audits;
                        private final KafkaTemplate<String, String> kafkaTemplate;

                        AuditService(AuditRepository audits, KafkaTemplate<String, String> kafkaTemplate) {
                            this.audits = audits;
                            this.kafkaTemplate = kafkaTemplate;
                        }

                        @Transactional(propagation = Propagation.NOT_SUPPORTED)
                        public void audit(String userId, String entry) {
                            audits.save(entry);
                            kafkaTemplate.send("audit", userId, entry);
                        }

                        static void auditQuietly(AuditRepository audits, KafkaTemplate<String, String> kafkaTemplate, String userId,
                                String entry) {
                            audits.save(entry);
                            kafkaTemplate.send("audit", userId, entry);
                        }
                    }
                    """);
        }

        @Test
        void aTransactionThatReadsAndSendsButWritesNothing() {
            assertFindings(dir, RULE, """
                    package com.acme.learning;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.transaction.annotation.Transactional;

                    public class ProgressReplayer {
                        private final ProgressRepository progress;
                        private final KafkaTemplate<String, String> kafkaTemplate;

                        ProgressReplayer(ProgressRepository progress, KafkaTemplate<String, String> kafkaTemplate) {
                            this.progress = progress;
                            this.kafkaTemplate = kafkaTemplate;
                        }

                        @Transactional(readOnly = true)
                        public void replay(String userId) {
                            kafkaTemplate.send("learning.progress", userId, progress.findByUserId(userId).toJson());
                        }
                    }
                    """);
        }
    }
}
