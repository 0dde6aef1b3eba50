package dev.tenet.rules.checks.pipeline;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.Step;
import dev.tenet.rules.testing.Codebase;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwallowedListenerExceptionCheckTests {
    static final List<String> RULE = List.of("pipeline.swallowed-listener-exception");

    @TempDir
    Path dir;

    @Test
    void flagsACatchThatOnlyLogsAndCounts() {
        assertFindings(dir, RULE, """
                package com.acme.learning;

                import io.micrometer.core.instrument.MeterRegistry;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;
                import org.springframework.kafka.annotation.KafkaListener;

                public class MinutesListener {
                    private static final Logger log = LoggerFactory.getLogger(MinutesListener.class);
                    private final MinutesService minutes;
                    private final MeterRegistry meterRegistry;

                    MinutesListener(MinutesService minutes, MeterRegistry meterRegistry) {
                        this.minutes = minutes;
                        this.meterRegistry = meterRegistry;
                    }

                    @KafkaListener(topics = "learning.session-finished")
                    public void on(SessionFinished event) {
                        try {
                            minutes.add(event);
                        } catch (Exception e) { // VIOLATION: pipeline.swallowed-listener-exception
                            log.error("failed {}", event.eventId(), e);
                            meterRegistry.counter("minutes.failed").increment();
                        }
                    }
                }
                """);
    }

    @Test
    void flagsAnEmptyCatchAndACatchInAHelperOfTheSameClass() {
        assertFindings(dir, RULE, """
                package com.acme.payments;

                import org.springframework.kafka.annotation.KafkaListener;
                import org.springframework.kafka.support.Acknowledgment;

                public class PaymentListener {
                    private final Settlement settlement;

                    PaymentListener(Settlement settlement) {
                        this.settlement = settlement;
                    }

                    @KafkaListener(topics = "payments.captured")
                    public void on(String payload, Acknowledgment ack) {
                        try {
                            settlement.book(payload);
                        } catch (IllegalStateException ignored) { // VIOLATION: pipeline.swallowed-listener-exception
                        }
                        notifyPartner(payload);
                        ack.acknowledge();
                    }

                    private void notifyPartner(String payload) {
                        try {
                            settlement.notifyPartner(payload);
                        } catch (RuntimeException e) { // VIOLATION: pipeline.swallowed-listener-exception
                            e.printStackTrace();
                            return;
                        }
                    }
                }
                """);
    }

    @Test
    void flagsACatchWhoseHelperInAnotherClassOnlyLogs() {
        assertFindings(dir, RULE, """
                // file: PaymentListener.java
                package com.acme.payments;

                import org.springframework.kafka.annotation.KafkaListener;

                public class PaymentListener {
                    private final Settlement settlement;
                    private final FailureLog failures;

                    PaymentListener(Settlement settlement, FailureLog failures) {
                        this.settlement = settlement;
                        this.failures = failures;
                    }

                    @KafkaListener(topics = "payments.captured")
                    public void on(String payload) {
                        try {
                            settlement.book(payload);
                        } catch (RuntimeException e) { // VIOLATION: pipeline.swallowed-listener-exception
                            failures.record(payload, e);
                        }
                    }
                }
                // file: FailureLog.java
                package com.acme.payments;

                import lombok.extern.slf4j.Slf4j;

                @Slf4j
                public class FailureLog {
                    public void record(String payload, Exception e) {
                        log.error("could not handle {}", payload, e);
                    }
                }
                """);
    }

    @Test
    void flagsASwallowingCatchInAServiceTheListenerCalls() {
        assertFindings(dir, RULE, """
                // file: PaymentListener.java
                package com.acme.payments;

                import org.springframework.kafka.annotation.KafkaListener;

                public class PaymentListener {
                    private final SettlementService settlement;

                    PaymentListener(SettlementService settlement) {
                        this.settlement = settlement;
                    }

                    @KafkaListener(topics = "payments.captured")
                    public void on(String payload) {
                        settlement.settle(payload);
                    }
                }
                // file: SettlementService.java
                package com.acme.payments;

                import org.apache.commons.logging.Log;
                import org.apache.commons.logging.LogFactory;

                public class SettlementService {
                    private static final Log audit = LogFactory.getLog(SettlementService.class);
                    private final Ledger ledger;

                    SettlementService(Ledger ledger) {
                        this.ledger = ledger;
                    }

                    public void settle(String payload) {
                        try {
                            ledger.post(payload);
                        } catch (IllegalStateException e) { // VIOLATION: pipeline.swallowed-listener-exception
                            audit.warn("posting failed", e);
                        }
                    }
                }
                """);
    }

    @Test
    void aCatchInAServiceCarriesTheListenersCallAsARelatedStep() {
        Codebase codebase = new Codebase(dir).add("""
                // file: PaymentListener.java
                package com.acme.payments;

                import org.springframework.kafka.annotation.KafkaListener;

                public class PaymentListener {
                    private final SettlementService settlement;

                    PaymentListener(SettlementService settlement) {
                        this.settlement = settlement;
                    }

                    @KafkaListener(topics = "payments.captured")
                    public void on(String payload) {
                        settlement.settle(payload);
                    }
                }
                // file: SettlementService.java
                package com.acme.payments;

                public class SettlementService {
                    public void settle(String payload) {
                        try {
                            Integer.parseInt(payload);
                        } catch (NumberFormatException e) {
                        }
                    }
                }
                """);

        List<Finding> findings = codebase.check("pipeline.swallowed-listener-exception");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.file()).endsWith("SettlementService.java");
            assertThat(finding.startLine()).isEqualTo(7);
            assertThat(finding.related()).extracting(Step::position, Step::label)
                    .containsExactly(tuple("src/main/java/com/acme/payments/PaymentListener.java:14:9", "calls SettlementService#settle"));
        });
    }

    @Test
    void flagsAConditionalRethrowWhoseGenericBranchSwallows() {
        assertFindings(dir, RULE, """
                package com.acme.payments;

                import java.util.logging.Logger;
                import org.springframework.kafka.annotation.KafkaListener;

                public class PaymentListener {
                    private static final Logger LOG = Logger.getLogger("payments");
                    private final Settlement settlement;

                    PaymentListener(Settlement settlement) {
                        this.settlement = settlement;
                    }

                    @KafkaListener(topics = "payments.captured")
                    public void on(String payload) {
                        try {
                            settlement.book(payload);
                        } catch (RuntimeException e) { // VIOLATION: pipeline.swallowed-listener-exception
                            if (e instanceof IllegalArgumentException) {
                                throw e;
                            }
                            LOG.warning("booking failed: " + e.getMessage());
                        }
                    }
                }
                """);
    }

    @Test
    void flagsTheGenericCatchNextToADeliberateDuplicateSkip() {
        assertFindings(dir, RULE, """
                // file: PaymentListener.java
                package com.acme.payments;

                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;
                import org.springframework.kafka.annotation.KafkaListener;

                public class PaymentListener {
                    private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);
                    private final ProcessedEvents processed;
                    private final Settlement settlement;

                    PaymentListener(ProcessedEvents processed, Settlement settlement) {
                        this.processed = processed;
                        this.settlement = settlement;
                    }

                    @KafkaListener(topics = "payments.captured")
                    public void on(PaymentCaptured event) {
                        try {
                            claim(event.eventId());
                            settlement.book(event);
                        } catch (DuplicateEventException e) {
                            log.info("already booked {}", event.eventId());
                        } catch (Exception e) { // VIOLATION: pipeline.swallowed-listener-exception
                            log.error("booking failed {}", event.eventId(), e);
                        }
                    }

                    private void claim(String eventId) {
                        if (processed.existsByEventId(eventId)) {
                            throw new DuplicateEventException(eventId);
                        }
                    }
                }
                // file: ProcessedEvents.java
                package com.acme.payments;

                import org.springframework.data.jpa.repository.JpaRepository;

                public interface ProcessedEvents extends JpaRepository<ProcessedEvent, String> {
                    boolean existsByEventId(String eventId);
                }
                // file: DuplicateEventException.java
                package com.acme.payments;

                public class DuplicateEventException extends RuntimeException {
                    public DuplicateEventException(String eventId) {
                        super(eventId);
                    }
                }
                """);
    }

    @Test
    void flagsAProducerThatOnlyLogsAFailedSend() {
        assertFindings(dir, RULE, """
                package com.acme.payments;

                import lombok.extern.log4j.Log4j2;
                import org.springframework.kafka.core.KafkaTemplate;

                @Log4j2
                public class PaymentEvents {
                    private final KafkaTemplate<String, String> kafka;

                    PaymentEvents(KafkaTemplate<String, String> kafka) {
                        this.kafka = kafka;
                    }

                    void captured(String id, String json) {
                        kafka.send("payments.captured", id, json).whenComplete((result, ex) -> {
                            if (ex != null) { // VIOLATION: pipeline.swallowed-listener-exception
                                log.error("send failed for {}", id, ex);
                            }
                        });
                    }

                    void refunded(String id, String json) {
                        try {
                            kafka.send("payments.refunded", id, json).get();
                        } catch (Exception e) { // VIOLATION: pipeline.swallowed-listener-exception
                            log.error("send failed for {}", id, e);
                        }
                    }

                    void settled(String id, String json) {
                        try {
                            kafka.send("payments.settled", id, json).get();
                        } catch (InterruptedException | java.util.concurrent.ExecutionException e) { // VIOLATION: pipeline.swallowed-listener-exception
                            log.error("send failed for {}", id, e);
                        }
                    }

                    void disputed(String id, String json) {
                        try {
                            kafka.send("payments.disputed", id, json).join();
                        } catch (RuntimeException e) { // VIOLATION: pipeline.swallowed-listener-exception
                            report(id, e);
                        }
                    }

                    void reversed(String id, String json) {
                        kafka.send("payments.reversed", id, json).whenComplete((result, ex) -> {
                            if (ex == null) {
                                log.info("sent {}", id);
                            } else { // VIOLATION: pipeline.swallowed-listener-exception
                                report(id, (Exception) ex);
                            }
                        });
                    }

                    private void report(String id, Exception e) {
                        log.warn("send failed for {}", id, e);
                    }
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void catchesThatRethrowDeadLetterOrNack() {
            assertFindings(dir, RULE, """
                    package com.acme.payments;

                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.kafka.support.Acknowledgment;
                    import java.time.Duration;

                    public class PaymentListener {
                        private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);
                        private final Settlement settlement;
                        private final KafkaTemplate<String, String> kafkaTemplate;

                        PaymentListener(Settlement settlement, KafkaTemplate<String, String> kafkaTemplate) {
                            this.settlement = settlement;
                            this.kafkaTemplate = kafkaTemplate;
                        }

                        @KafkaListener(topics = "payments.captured")
                        public void rethrows(String payload) {
                            try {
                                settlement.book(payload);
                            } catch (RuntimeException e) {
                                log.warn("booking failed", e);
                                throw e;
                            }
                        }

                        @KafkaListener(topics = "payments.refunded")
                        public void deadLetters(String payload) {
                            try {
                                settlement.refund(payload);
                            } catch (RuntimeException e) {
                                log.warn("refund failed", e);
                                kafkaTemplate.send("payments.refunded.DLT", payload);
                            }
                        }

                        @KafkaListener(topics = "payments.disputed")
                        public void nacks(String payload, Acknowledgment ack) {
                            try {
                                settlement.dispute(payload);
                                ack.acknowledge();
                            } catch (RuntimeException e) {
                                ack.nack(Duration.ofSeconds(5));
                            }
                        }
                    }
                    """);
        }

        @Test
        void catchesThatHandTheRecordOnThroughHelpersWrappersAndRecoverers() {
            assertFindings(dir, RULE, """
                    // file: PaymentListener.java
                    package com.acme.payments;

                    import org.apache.kafka.clients.consumer.ConsumerRecord;
                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.kafka.listener.ConsumerRecordRecoverer;

                    public class PaymentListener {
                        private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);
                        private final Settlement settlement;
                        private final DeadLetters deadLetters;
                        private final ConsumerRecordRecoverer recoverer;

                        PaymentListener(Settlement settlement, DeadLetters deadLetters, ConsumerRecordRecoverer recoverer) {
                            this.settlement = settlement;
                            this.deadLetters = deadLetters;
                            this.recoverer = recoverer;
                        }

                        @KafkaListener(topics = "payments.captured")
                        public void captured(ConsumerRecord<String, String> record) {
                            try {
                                settlement.book(record.value());
                            } catch (RuntimeException e) {
                                log.warn("booking failed", e);
                                deadLetters.park(record, e);
                            }
                        }

                        @KafkaListener(topics = "payments.refunded")
                        public void refunded(ConsumerRecord<String, String> record) {
                            try {
                                settlement.refund(record.value());
                            } catch (RuntimeException e) {
                                fail(record, e);
                            }
                        }

                        @KafkaListener(topics = "payments.disputed")
                        public void disputed(ConsumerRecord<String, String> record) {
                            try {
                                settlement.dispute(record.value());
                            } catch (IllegalStateException e) {
                                throw new IllegalArgumentException("cannot dispute " + record.key(), e);
                            } catch (RuntimeException e) {
                                recoverer.accept(record, e);
                            }
                        }

                        private void fail(ConsumerRecord<String, String> record, Exception e) {
                            log.error("refund failed for {}", record.key());
                            throw new IllegalStateException(e);
                        }
                    }
                    // file: DeadLetters.java
                    package com.acme.payments;

                    import org.apache.kafka.clients.consumer.ConsumerRecord;
                    import org.springframework.kafka.core.KafkaTemplate;

                    public class DeadLetters {
                        private final KafkaTemplate<String, String> kafka;

                        DeadLetters(KafkaTemplate<String, String> kafka) {
                            this.kafka = kafka;
                        }

                        void park(ConsumerRecord<String, String> record, Exception e) {
                            kafka.send(record.topic() + ".DLT", record.key(), record.value());
                        }
                    }
                    """);
        }

        @Test
        void aReceiverNamedLogThatIsNotALoggerAndDuplicateKeySkips() {
            assertFindings(dir, RULE, """
                    // file: PaymentListener.java
                    package com.acme.payments;

                    import org.springframework.dao.DuplicateKeyException;
                    import org.springframework.kafka.annotation.KafkaListener;

                    public class PaymentListener {
                        private final Settlement settlement;
                        private final FailedPayments log;

                        PaymentListener(Settlement settlement, FailedPayments log) {
                            this.settlement = settlement;
                            this.log = log;
                        }

                        @KafkaListener(topics = "payments.captured")
                        public void on(String payload) {
                            try {
                                settlement.book(payload);
                            } catch (DuplicateKeyException duplicate) {
                                return;
                            } catch (RuntimeException e) {
                                log.store(payload, e);
                            }
                        }
                    }
                    // file: FailedPayments.java
                    package com.acme.payments;

                    import org.springframework.jdbc.core.JdbcTemplate;

                    public class FailedPayments {
                        private final JdbcTemplate jdbc;

                        FailedPayments(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        void store(String payload, Exception e) {
                            jdbc.update("insert into failed_payments(payload, error) values (?, ?)", payload, e.getMessage());
                        }
                    }
                    """);
        }

        @Test
        void aRetryLoopThatThrowsOnceRetriesRunOutAndWorkOnAnotherThread() {
            assertFindings(dir, RULE, """
                    package com.acme.payments;

                    import java.util.concurrent.ExecutorService;
                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.kafka.annotation.KafkaListener;

                    public class PaymentListener {
                        private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);
                        private final Settlement settlement;
                        private final ExecutorService workers;

                        PaymentListener(Settlement settlement, ExecutorService workers) {
                            this.settlement = settlement;
                            this.workers = workers;
                        }

                        @KafkaListener(topics = "payments.captured")
                        public void on(String payload) {
                            for (int attempt = 1; attempt <= 3; attempt++) {
                                try {
                                    settlement.book(payload);
                                    return;
                                } catch (RuntimeException e) {
                                    log.warn("attempt {} failed", attempt, e);
                                }
                            }
                            throw new IllegalStateException("booking failed three times");
                        }

                        @KafkaListener(topics = "payments.audited")
                        public void audited(String payload) {
                            workers.submit(() -> {
                                try {
                                    settlement.audit(payload);
                                } catch (RuntimeException e) {
                                    log.warn("audit failed", e);
                                }
                            });
                        }
                    }
                    """);
        }

        @Test
        void aProducerThatKeepsTheFailure() {
            assertFindings(dir, RULE, """
                    package com.acme.payments;

                    import java.util.concurrent.CompletableFuture;
                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.kafka.support.SendResult;

                    public class PaymentEvents {
                        private static final Logger log = LoggerFactory.getLogger(PaymentEvents.class);
                        private final KafkaTemplate<String, String> kafka;
                        private final Outbox outbox;

                        PaymentEvents(KafkaTemplate<String, String> kafka, Outbox outbox) {
                            this.kafka = kafka;
                            this.outbox = outbox;
                        }

                        void captured(String id, String json) {
                            kafka.send("payments.captured", id, json).whenComplete((result, ex) -> {
                                if (ex != null) {
                                    log.warn("send failed, keeping {} for a retry", id, ex);
                                    outbox.keep(id, json);
                                } else {
                                    log.info("sent {}", id);
                                }
                            });
                        }

                        CompletableFuture<SendResult<String, String>> refunded(String id, String json) {
                            return kafka.send("payments.refunded", id, json);
                        }

                        CompletableFuture<SendResult<String, String>> voided(String id, String json) {
                            return kafka.send("payments.voided", id, json).whenComplete((result, ex) -> {
                                if (ex != null) {
                                    log.warn("void of {} not sent", id, ex);
                                }
                            });
                        }

                        CompletableFuture<SendResult<String, String>> disputed(String id, String json) {
                            var future = kafka.send("payments.disputed", id, json);
                            future.whenComplete((result, ex) -> {
                                if (ex != null) {
                                    log.warn("dispute of {} not sent", id, ex);
                                }
                            });
                            return future;
                        }

                        void settled(String id, String json) {
                            try {
                                kafka.send("payments.settled", id, json).get();
                            } catch (Exception e) {
                                throw new IllegalStateException("settled event not sent", e);
                            }
                        }
                    }
                    """);
        }

        @Test
        void aCatchOfTheCodebasesOwnExceptionThatNothingOnThePathThrows() {
            assertFindings(dir, RULE, """
                    // file: PaymentListener.java
                    package com.acme.payments;

                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.kafka.annotation.KafkaListener;

                    public class PaymentListener {
                        private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);
                        private final Settlement settlement;

                        PaymentListener(Settlement settlement) {
                            this.settlement = settlement;
                        }

                        @KafkaListener(topics = "payments.captured")
                        public void on(String payload) {
                            try {
                                settlement.book(payload);
                            } catch (DuplicateEventException e) {
                                log.debug("duplicate {}", payload);
                            }
                        }
                    }
                    // file: Settlement.java
                    package com.acme.payments;

                    public class Settlement {
                        void book(String payload) {
                            if (payload.isEmpty()) {
                                throw new IllegalArgumentException("empty");
                            }
                        }
                    }
                    // file: DuplicateEventException.java
                    package com.acme.payments;

                    public class DuplicateEventException extends RuntimeException {
                    }
                    """);
        }

        @Test
        void catchesOutsideListenersAndAroundLoggingOnly() {
            assertFindings(dir, RULE, """
                    package com.acme.payments;

                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.kafka.annotation.KafkaListener;

                    public class PaymentListener {
                        private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);
                        private final Settlement settlement;

                        PaymentListener(Settlement settlement) {
                            this.settlement = settlement;
                        }

                        @KafkaListener(topics = "payments.captured")
                        public void on(String payload) throws InterruptedException {
                            try {
                                log.debug("received {}", payload);
                            } catch (RuntimeException e) {
                                log.warn("logging failed", e);
                            }
                            settlement.book(payload);
                        }

                        void reconcile(String payload) {
                            try {
                                settlement.book(payload);
                            } catch (RuntimeException e) {
                                log.error("reconcile failed", e);
                            }
                        }
                    }
                    """);
        }
    }
}
