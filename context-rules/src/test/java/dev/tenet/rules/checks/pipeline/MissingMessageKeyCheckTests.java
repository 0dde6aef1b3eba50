package dev.tenet.rules.checks.pipeline;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.testing.Codebase;
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
    static final String PROGRESS_IS_PER_KEY = """
            # file: .tenet/config.yml
            perKeyTopics: ["learning.progress"]
            """;

    @TempDir
    Path dir;

    @Test
    void flagsEveryKeylessSendApiOnAPerKeyTopic() {
        assertFindings(dir, RULE, """
                // file: ProgressPublisher.java
                package com.acme.learning.adapter;

                import com.acme.learning.domain.ProgressEvent;
                import java.util.List;
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

                    void viaMethodReferences(List<ProgressEvent> events) {
                        events.forEach(kafkaTemplate::sendDefault); // VIOLATION: pipeline.missing-message-key
                        events.stream()
                                .map(e -> new ProducerRecord<String, ProgressEvent>("learning.progress", e)) // VIOLATION: pipeline.missing-message-key
                                .forEach(producer::send);
                    }
                }
                # file: src/main/resources/application.yml
                spring:
                  kafka:
                    template:
                      default-topic: learning.progress
                """, PROGRESS_EVENT, PROGRESS_IS_PER_KEY);
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

                    void aPayloadThroughTheBridge(ProgressEvent event) {
                        streamBridge.send("progress-out-0", event); // VIOLATION: pipeline.missing-message-key
                    }
                }
                # file: src/main/resources/application.yml
                spring:
                  cloud:
                    stream:
                      bindings:
                        progress-out-0:
                          destination: learning.progress
                """, PROGRESS_EVENT, PROGRESS_IS_PER_KEY);
    }

    @Test
    void readsTopicsFromConstantsOfOtherClassesInjectedPropertiesAndGlobs() {
        assertFindings(dir, RULE, """
                // file: BadgePublisher.java
                package com.acme.learning.adapter;

                import com.acme.learning.domain.ProgressEvent;
                import org.springframework.beans.factory.annotation.Value;
                import org.springframework.kafka.core.KafkaTemplate;

                public class BadgePublisher {
                    private final KafkaTemplate<String, ProgressEvent> kafka;
                    private final String streaks;
                    @Value("${app.topics.badges}")
                    private String badges;

                    BadgePublisher(KafkaTemplate<String, ProgressEvent> kafka, @Value("${app.topics.streaks:learning.streaks}") String streaks) {
                        this.kafka = kafka;
                        this.streaks = streaks;
                    }

                    void earned(ProgressEvent event) {
                        kafka.send(Topics.CERTIFICATES, event); // VIOLATION: pipeline.missing-message-key
                        kafka.send(badges, event); // VIOLATION: pipeline.missing-message-key
                        kafka.send(streaks, "streak of " + event.userId()); // VIOLATION: pipeline.missing-message-key
                    }
                }
                // file: Topics.java
                package com.acme.learning.adapter;

                public final class Topics {
                    public static final String CERTIFICATES = "learning.certificates";
                }
                # file: src/main/resources/application.properties
                app.topics.badges=learning.badges
                # file: .tenet/config.yml
                perKeyTopics: ["learning.*"]
                """, PROGRESS_EVENT);
    }

    @Test
    void flagsASendWhoseTopicCannotBeReadWhenItsPayloadGoesToAPerKeyTopicElsewhere() {
        assertFindings(dir, RULE, """
                // file: ProgressPublisher.java
                package com.acme.learning.adapter;

                import com.acme.learning.domain.ProgressEvent;
                import org.springframework.kafka.core.KafkaTemplate;

                public class ProgressPublisher {
                    private final KafkaTemplate<String, ProgressEvent> kafka;

                    ProgressPublisher(KafkaTemplate<String, ProgressEvent> kafka) {
                        this.kafka = kafka;
                    }

                    void publish(ProgressEvent event) {
                        kafka.send("learning.progress", event.userId(), event);
                    }

                    void replay(String topic, ProgressEvent event) {
                        kafka.send(topic, event); // VIOLATION: pipeline.missing-message-key
                    }
                }
                """, PROGRESS_EVENT, PROGRESS_IS_PER_KEY);
    }

    @Test
    void aPerKeyTopicPatternThatMatchesNoSendIsAnError() {
        Codebase codebase = new Codebase(dir).add("""
                package com.acme.learning;

                import org.springframework.kafka.core.KafkaTemplate;

                public class ProgressPublisher {
                    private final KafkaTemplate<String, String> kafka;

                    ProgressPublisher(KafkaTemplate<String, String> kafka) {
                        this.kafka = kafka;
                    }

                    void publish(String userId, String json) {
                        kafka.send("learning.progress", userId, json);
                    }
                }
                """).file(".tenet/config.yml", "perKeyTopics:\n  - learning.progress\n  - learning.progres\n");

        assertThatThrownBy(codebase::check).isInstanceOf(TenetInputException.class)
                .hasMessageContaining(".tenet/config.yml").hasMessageContaining("'learning.progres'")
                .hasMessageContaining("allowEmptyPerKeyTopics");
    }

    @Test
    void aTopicPatternWithCharactersNoTopicCanHoldIsAnError() {
        Codebase codebase = new Codebase(dir).add("package com.acme;\n\nclass Empty {\n}\n")
                .file(".tenet/config.yml", "perKeyTopics: [\"learning progress\"]\n");

        assertThatThrownBy(codebase::check).isInstanceOf(TenetInputException.class).hasMessageContaining("'learning progress'");
    }

    @Nested
    class NoViolation {
        @Test
        void keylessSendsWithoutPerKeyTopicsWhateverThePayloadOrTopicIsCalled() {
            assertFindings(dir, RULE, """
                    // file: AccountEvents.java
                    package com.acme.accounts;

                    import com.acme.learning.domain.ProgressEvent;
                    import org.springframework.kafka.core.KafkaTemplate;

                    public class AccountEvents {
                        private static final String TOPIC = "accounts.member-updated";
                        private final KafkaTemplate<String, Object> kafkaTemplate;

                        AccountEvents(KafkaTemplate<String, Object> kafkaTemplate) {
                            this.kafkaTemplate = kafkaTemplate;
                        }

                        void updated(String json, ProgressEvent event) {
                            kafkaTemplate.send(TOPIC, json);
                            kafkaTemplate.send("user.progress", event);
                        }
                    }
                    """, PROGRESS_EVENT);
        }

        @Test
        void keylessSendsToTopicsNotListedAndAllowEmptyPerKeyTopics() {
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

                    public record CourseUpdated(String courseId, String userId, String title) {
                    }
                    # file: .tenet/config.yml
                    perKeyTopics: ["learning.progress"]
                    allowEmptyPerKeyTopics: true
                    """);
        }

        @Test
        void keyedSendsWithEveryApi() {
            assertFindings(dir, RULE, """
                    // file: ProgressPublisher.java
                    package com.acme.learning.adapter;

                    import com.acme.learning.domain.ProgressEvent;
                    import java.util.Map;
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

                        void publish(ProgressEvent event, Map<String, ProgressEvent> byUser) {
                            kafkaTemplate.send("learning.progress", event.userId(), event);
                            kafkaTemplate.sendDefault(event.userId(), event);
                            byUser.forEach(kafkaTemplate::sendDefault);
                            producer.send(new ProducerRecord<>("learning.progress", event.userId(), event));
                            kafkaTemplate.send(MessageBuilder.withPayload(event)
                                    .setHeader(KafkaHeaders.TOPIC, "learning.progress")
                                    .setHeader(KafkaHeaders.KEY, event.userId())
                                    .build());
                        }
                    }
                    """, PROGRESS_EVENT, PROGRESS_IS_PER_KEY);
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
                          bindings:
                            progress-out-0:
                              destination: learning.progress
                          kafka:
                            bindings:
                              progress-out-0:
                                producer:
                                  messageKeyExpression: payload.userId
                    """, PROGRESS_EVENT, PROGRESS_IS_PER_KEY);
        }

        @Test
        void aSenderWhoseTypeDoesNotResolveIsNoSend() {
            assertFindings(dir, RULE, """
                    package com.acme.learning.adapter;

                    public class ProgressPublisher {
                        private final EventBus kafkaTemplate;

                        ProgressPublisher(EventBus kafkaTemplate) {
                            this.kafkaTemplate = kafkaTemplate;
                        }

                        void publish(String json) {
                            kafkaTemplate.send("learning.progress", json);
                        }
                    }
                    # file: .tenet/config.yml
                    perKeyTopics: ["learning.progress"]
                    allowEmptyPerKeyTopics: true
                    """);
        }
    }
}
