package dev.tenet.rules.checks.pipeline;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

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
