package dev.tenet.rules.checks.pipeline;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoCommitAsyncCheckTests {
    static final List<String> RULE = List.of("pipeline.auto-commit-async");
    static final String HANDING_OFF_LISTENER = """
            // file: MinutesListener.java
            package com.acme.learning;

            import java.util.concurrent.CompletableFuture;
            import org.springframework.kafka.annotation.KafkaListener;

            public class MinutesListener {
                private final MinutesService minutes;

                MinutesListener(MinutesService minutes) {
                    this.minutes = minutes;
                }

                @KafkaListener(topics = "learning.session-finished")
                public void on(SessionFinished event) {
                    CompletableFuture.runAsync(() -> minutes.add(event)); // VIOLATION: pipeline.auto-commit-async
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void flagsAHandOffWhenAutoCommitIsOnInApplicationYml() {
        assertFindings(dir, RULE, HANDING_OFF_LISTENER, """
                # file: src/main/resources/application.yml
                spring:
                  kafka:
                    consumer:
                      enable-auto-commit: true
                """);
    }

    @Test
    void flagsAHandOffWhenAutoCommitIsOnAsARawConsumerProperty() {
        assertFindings(dir, RULE, HANDING_OFF_LISTENER, """
                # file: src/main/resources/application.properties
                spring.kafka.consumer.properties.enable.auto.commit=true
                """);
    }

    @Test
    void flagsAnAsyncServiceReachedFromTheListenerWhenJavaConfigTurnsAutoCommitOn() {
        assertFindings(dir, RULE, """
                // file: ConsumerConfiguration.java
                package com.acme.payments;

                import java.util.Map;
                import org.apache.kafka.clients.consumer.ConsumerConfig;
                import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

                public class ConsumerConfiguration {
                    DefaultKafkaConsumerFactory<String, String> consumerFactory() {
                        return new DefaultKafkaConsumerFactory<>(Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true));
                    }
                }
                // file: PaymentListener.java
                package com.acme.payments;

                import org.springframework.kafka.annotation.KafkaListener;

                public class PaymentListener {
                    private final Settlement settlement;

                    PaymentListener(Settlement settlement) {
                        this.settlement = settlement;
                    }

                    @KafkaListener(topics = "payments.captured")
                    public void on(String payload) {
                        settlement.settle(payload); // VIOLATION: pipeline.auto-commit-async
                    }
                }
                // file: Settlement.java
                package com.acme.payments;

                import org.springframework.scheduling.annotation.Async;

                public class Settlement {
                    @Async
                    public void settle(String payload) {
                    }
                }
                """);
    }

    @Test
    void flagsAHandOffWhenABeanPutsTheSettingIntoTheConsumerProperties() {
        assertFindings(dir, RULE, HANDING_OFF_LISTENER, """
                // file: ConsumerSettings.java
                package com.acme.learning;

                import java.util.Properties;
                import org.apache.kafka.clients.consumer.ConsumerConfig;
                import org.springframework.context.annotation.Bean;
                import org.springframework.kafka.listener.ContainerProperties;

                public class ConsumerSettings {
                    @Bean
                    ContainerProperties containerProperties() {
                        Properties props = new Properties();
                        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
                        ContainerProperties container = new ContainerProperties("learning.session-finished");
                        container.setKafkaConsumerProperties(props);
                        return container;
                    }
                }
                """);
    }

    @Test
    void flagsAHandOffWhenTheListenerItselfTurnsAutoCommitOn() {
        assertFindings(dir, RULE, """
                package com.acme.learning;

                import java.util.concurrent.CompletableFuture;
                import org.springframework.kafka.annotation.KafkaListener;

                public class MinutesListener {
                    private final MinutesService minutes;

                    MinutesListener(MinutesService minutes) {
                        this.minutes = minutes;
                    }

                    @KafkaListener(topics = "learning.session-finished", properties = "enable.auto.commit=true")
                    public void on(SessionFinished event) {
                        CompletableFuture.runAsync(() -> minutes.add(event)); // VIOLATION: pipeline.auto-commit-async
                    }
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void theSettingWrittenInJavaCodeThatIsNotConfiguration() {
            assertFindings(dir, RULE, HANDING_OFF_LISTENER.replace(" // VIOLATION: pipeline.auto-commit-async", ""), """
                    // file: ConsumerDiagnostics.java
                    package com.acme.learning;

                    import java.util.HashMap;
                    import java.util.Map;
                    import org.apache.kafka.clients.consumer.ConsumerConfig;
                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;

                    public class ConsumerDiagnostics {
                        private static final Logger log = LoggerFactory.getLogger(ConsumerDiagnostics.class);

                        void explain() {
                            log.warn("never run with enable.auto.commit=true here");
                            Map<String, Object> report = new HashMap<>();
                            report.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
                            log.info("what a bad setup looks like: {}", report);
                        }
                    }
                    // file: src/test/java/com/acme/learning/AutoCommitIT.java
                    package com.acme.learning;

                    import java.util.Map;
                    import org.apache.kafka.clients.consumer.ConsumerConfig;
                    import org.apache.kafka.clients.consumer.KafkaConsumer;

                    class AutoCommitIT {
                        KafkaConsumer<String, String> consumer() {
                            return new KafkaConsumer<>(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true));
                        }
                    }
                    """);
        }

        @Test
        void aHandOffWithAutoCommitOff() {
            assertFindings(dir, RULE, HANDING_OFF_LISTENER.replace(" // VIOLATION: pipeline.auto-commit-async", ""), """
                    # file: src/main/resources/application.yml
                    spring:
                      kafka:
                        consumer:
                          enable-auto-commit: false
                    """);
        }

        @Test
        void autoCommitWithAListenerThatWorksOnItsOwnThread() {
            assertFindings(dir, RULE, """
                    // file: MinutesListener.java
                    package com.acme.learning;

                    import org.springframework.kafka.annotation.KafkaListener;

                    public class MinutesListener {
                        private final MinutesService minutes;

                        MinutesListener(MinutesService minutes) {
                            this.minutes = minutes;
                        }

                        @KafkaListener(topics = "learning.session-finished", properties = "enable.auto.commit=true")
                        public void on(SessionFinished event) {
                            minutes.add(event);
                        }
                    }
                    """);
        }

        @Test
        void autoCommitSwitchedOnOnlyInTestResources() {
            assertFindings(dir, RULE, HANDING_OFF_LISTENER.replace(" // VIOLATION: pipeline.auto-commit-async", ""), """
                    # file: src/test/resources/application-test.yml
                    spring:
                      kafka:
                        consumer:
                          enable-auto-commit: true
                    """);
        }
    }
}
