package dev.tenet.rules.checks.pipeline;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingMessageKeyCheckTests {
    static final List<String> RULE = List.of("pipeline.missing-message-key");
    static final String PROGRESS_EVENT = """
            // file: ProgressEvent.java
            package com.acme.learning.domain;

            public record ProgressEvent(String eventId, String userId, long totalMinutes) {
                public static ProgressEvent of(String userId, long totalMinutes) {
                    return new ProgressEvent(java.util.UUID.randomUUID().toString(), userId, totalMinutes);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void flagsEveryKeylessSendApiWhenThePayloadCarriesAUserId() {
        assertFindings(dir, RULE, """
                // file: ProgressPublisher.java
                package com.acme.learning.adapter;

                import com.acme.learning.domain.ProgressEvent;
                import org.apache.kafka.clients.producer.KafkaProducer;
                import org.apache.kafka.clients.producer.ProducerRecord;
                import org.springframework.kafka.core.KafkaTemplate;

                public class ProgressPublisher {
                    private final KafkaTemplate<String, ProgressEvent> kafkaTemplate;
                    private final KafkaProducer<String, ProgressEvent> producer;

                    ProgressPublisher(KafkaTemplate<String, ProgressEvent> kafkaTemplate, KafkaProducer<String, ProgressEvent> producer) {
                        this.kafkaTemplate = kafkaTemplate;
                        this.producer = producer;
                    }

                    void viaTemplate(ProgressEvent event) {
                        kafkaTemplate.send("learning.progress", event); // VIOLATION: pipeline.missing-message-key
                    }

                    void viaDefaultTopic(ProgressEvent event) {
                        kafkaTemplate.sendDefault(event); // VIOLATION: pipeline.missing-message-key
                    }

                    void withANullKey(ProgressEvent event) {
                        kafkaTemplate.send("learning.progress", null, event); // VIOLATION: pipeline.missing-message-key
                    }

                    void viaProducer(ProgressEvent event) {
                        producer.send(new ProducerRecord<>("learning.progress", event)); // VIOLATION: pipeline.missing-message-key
                    }

                    void viaFactory(String userId, long minutes) {
                        kafkaTemplate.send("learning.progress", ProgressEvent.of(userId, minutes)); // VIOLATION: pipeline.missing-message-key
                    }
                }
                """, PROGRESS_EVENT);
    }

    @Test
    void flagsAMessageBuiltWithoutAKeyHeaderAndSentThroughATemplateOrStreamBridge() {
        assertFindings(dir, RULE, """
                // file: ProgressMessages.java
                package com.acme.learning.adapter;

                import com.acme.learning.domain.ProgressEvent;
                import org.springframework.cloud.stream.function.StreamBridge;
                import org.springframework.kafka.core.KafkaTemplate;
                import org.springframework.kafka.support.KafkaHeaders;
                import org.springframework.messaging.Message;
                import org.springframework.messaging.support.MessageBuilder;

                public class ProgressMessages {
                    private final KafkaTemplate<String, ProgressEvent> kafkaTemplate;
                    private final StreamBridge streamBridge;

                    ProgressMessages(KafkaTemplate<String, ProgressEvent> kafkaTemplate, StreamBridge streamBridge) {
                        this.kafkaTemplate = kafkaTemplate;
                        this.streamBridge = streamBridge;
                    }

                    void viaTemplate(ProgressEvent event) {
                        Message<ProgressEvent> message = MessageBuilder.withPayload(event) // VIOLATION: pipeline.missing-message-key
                                .setHeader(KafkaHeaders.TOPIC, "learning.progress")
                                .build();
                        kafkaTemplate.send(message);
                    }

                    void viaBridge(ProgressEvent event) {
                        streamBridge.send("progress-out-0", MessageBuilder.withPayload(event).build()); // VIOLATION: pipeline.missing-message-key
                    }
                }
                """, PROGRESS_EVENT);
    }

    @Test
    void flagsAStringPayloadOnATopicThatNamesUsers() {
        assertFindings(dir, RULE, """
                package com.acme.accounts;

                import org.springframework.kafka.core.KafkaTemplate;

                public class AccountEvents {
                    private static final String TOPIC = "accounts.member-updated";
                    private final KafkaTemplate<String, String> kafkaTemplate;

                    AccountEvents(KafkaTemplate<String, String> kafkaTemplate) {
                        this.kafkaTemplate = kafkaTemplate;
                    }

                    void updated(String json) {
                        kafkaTemplate.send(TOPIC, json); // VIOLATION: pipeline.missing-message-key
                    }
                }
                """);
    }

    @Nested
    class NoViolation {
        @Test
        void keyedSendsWithEveryApi() {
            assertFindings(dir, RULE, """
                    // file: ProgressPublisher.java
                    package com.acme.learning.adapter;

                    import com.acme.learning.domain.ProgressEvent;
                    import org.apache.kafka.clients.producer.KafkaProducer;
                    import org.apache.kafka.clients.producer.ProducerRecord;
                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.kafka.support.KafkaHeaders;
                    import org.springframework.messaging.support.MessageBuilder;

                    public class ProgressPublisher {
                        private final KafkaTemplate<String, ProgressEvent> kafkaTemplate;
                        private final KafkaProducer<String, ProgressEvent> producer;

                        ProgressPublisher(KafkaTemplate<String, ProgressEvent> kafkaTemplate, KafkaProducer<String, ProgressEvent> producer) {
                            this.kafkaTemplate = kafkaTemplate;
                            this.producer = producer;
                        }

                        void publish(ProgressEvent event) {
                            kafkaTemplate.send("learning.progress", event.userId(), event);
                            kafkaTemplate.sendDefault(event.userId(), event);
                            producer.send(new ProducerRecord<>("learning.progress", event.userId(), event));
                            kafkaTemplate.send(MessageBuilder.withPayload(event)
                                    .setHeader(KafkaHeaders.TOPIC, "learning.progress")
                                    .setHeader(KafkaHeaders.KEY, event.userId())
                                    .build());
                        }
                    }
                    """, PROGRESS_EVENT);
        }

        @Test
        void keylessSendsOfPayloadsWithNoPerUserIdentity() {
            assertFindings(dir, RULE, """
                    // file: CatalogPublisher.java
                    package com.acme.catalog;

                    import org.springframework.kafka.core.KafkaTemplate;

                    public class CatalogPublisher {
                        private final KafkaTemplate<String, Object> kafkaTemplate;

                        CatalogPublisher(KafkaTemplate<String, Object> kafkaTemplate) {
                            this.kafkaTemplate = kafkaTemplate;
                        }

                        void publish(CourseUpdated update, String json) {
                            kafkaTemplate.send("catalog.course-updated", update);
                            kafkaTemplate.send("catalog.snapshots", json);
                        }
                    }
                    // file: CourseUpdated.java
                    package com.acme.catalog;

                    public record CourseUpdated(String courseId, String title) {
                    }
                    """);
        }

        @Test
        void aBuiltMessageThatIsNeverSentHereOrABindingThatSetsTheKey() {
            assertFindings(dir, RULE, """
                    // file: ProgressMessages.java
                    package com.acme.learning.adapter;

                    import com.acme.learning.domain.ProgressEvent;
                    import org.springframework.cloud.stream.function.StreamBridge;
                    import org.springframework.messaging.Message;
                    import org.springframework.messaging.support.MessageBuilder;

                    public class ProgressMessages {
                        private final StreamBridge streamBridge;

                        ProgressMessages(StreamBridge streamBridge) {
                            this.streamBridge = streamBridge;
                        }

                        Message<ProgressEvent> toMessage(ProgressEvent event) {
                            return MessageBuilder.withPayload(event).build();
                        }

                        void viaBridge(ProgressEvent event) {
                            streamBridge.send("progress-out-0", MessageBuilder.withPayload(event).build());
                        }
                    }
                    // file: src/main/resources/application.yml
                    spring:
                      cloud:
                        stream:
                          kafka:
                            bindings:
                              progress-out-0:
                                producer:
                                  messageKeyExpression: payload.userId
                    """, PROGRESS_EVENT);
        }
    }
}
