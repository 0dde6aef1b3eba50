package dev.tenet.rules.checks.pipeline;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingErrorHandlerCheckTests {
    static final List<String> RULE = List.of("pipeline.missing-error-handler");
    static final String LISTENERS = """
            // file: ProgressListener.java
            package com.acme.learning;

            import org.springframework.kafka.annotation.KafkaListener;

            public class ProgressListener {
                @KafkaListener(topics = "learning.progress")
                public void on(String event) {
                }
            }
            // file: SessionListener.java
            package com.acme.learning;

            import org.springframework.kafka.annotation.KafkaListener;

            public class SessionListener {
                @KafkaListener(topics = "learning.session-finished")
                public void on(String event) {
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void reportsOnceAtTheFirstListenerWhenNoFactoryIsBuilt() {
        String firstListenerMarked = LISTENERS.replaceFirst("public void on\\(String event\\) \\{",
                "$0 // VIOLATION: pipeline.missing-error-handler");
        assertFindings(dir, RULE, firstListenerMarked);
    }

    @Test
    void reportsAtAContainerFactoryBeanWithoutAnErrorHandler() {
        assertFindings(dir, RULE, LISTENERS, """
                // file: KafkaConfig.java
                package com.acme.learning;

                import org.springframework.context.annotation.Bean;
                import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
                import org.springframework.kafka.core.ConsumerFactory;

                public class KafkaConfig {
                    @Bean
                    ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory( // VIOLATION: pipeline.missing-error-handler
                            ConsumerFactory<String, String> consumerFactory) {
                        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
                        factory.setConsumerFactory(consumerFactory);
                        return factory;
                    }
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void anErrorHandlerBeanInAnotherFile() {
            assertFindings(dir, RULE, LISTENERS, """
                    // file: KafkaErrors.java
                    package com.acme.learning.config;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.kafka.core.KafkaOperations;
                    import org.springframework.kafka.listener.CommonErrorHandler;
                    import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
                    import org.springframework.kafka.listener.DefaultErrorHandler;
                    import org.springframework.util.backoff.FixedBackOff;

                    public class KafkaErrors {
                        @Bean
                        CommonErrorHandler errorHandler(KafkaOperations<Object, Object> template) {
                            return new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template), new FixedBackOff(1_000, 3));
                        }
                    }
                    """);
        }

        @Test
        void aFactoryThatSetsTheHandler() {
            assertFindings(dir, RULE, LISTENERS, """
                    // file: KafkaConfig.java
                    package com.acme.learning;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
                    import org.springframework.kafka.core.ConsumerFactory;
                    import org.springframework.kafka.listener.CommonErrorHandler;

                    public class KafkaConfig {
                        @Bean
                        ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory(
                                ConsumerFactory<String, String> consumerFactory, CommonErrorHandler handler) {
                            var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
                            factory.setConsumerFactory(consumerFactory);
                            factory.setCommonErrorHandler(handler);
                            return factory;
                        }
                    }
                    """);
        }

        @Test
        void retryableTopicsOnTheListener() {
            assertFindings(dir, RULE, """
                    package com.acme.learning;

                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.kafka.annotation.RetryableTopic;

                    public class ProgressListener {
                        @RetryableTopic(attempts = "4")
                        @KafkaListener(topics = "learning.progress")
                        public void on(String event) {
                        }
                    }
                    """);
        }

        @Test
        void aCodebaseWithoutListeners() {
            assertFindings(dir, RULE, """
                    package com.acme.learning;

                    import org.springframework.kafka.core.KafkaTemplate;

                    public class ProgressPublisher {
                        private final KafkaTemplate<String, String> kafkaTemplate;

                        ProgressPublisher(KafkaTemplate<String, String> kafkaTemplate) {
                            this.kafkaTemplate = kafkaTemplate;
                        }
                    }
                    """);
        }
    }
}
