package dev.tenet.rules.checks.pipeline;

import static dev.tenet.rules.testing.MarkedCode.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.cache.ScanCache;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.checks.BuiltinChecks;
import dev.tenet.rules.config.ConfigLoader;
import dev.tenet.rules.engine.Engine;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.testing.Codebase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSchemaEvolutionCheckTests {
    static final String RULE_ID = "pipeline.event-schema-evolution";
    static final List<String> RULE = List.of(RULE_ID);
    static final String PUBLISHER = """
            // file: src/main/java/com/acme/learning/adapter/ProgressPublisher.java
            package com.acme.learning.adapter;

            import com.acme.learning.domain.ProgressUpdated;
            import org.springframework.kafka.core.KafkaTemplate;

            public class ProgressPublisher {
                private final KafkaTemplate<String, ProgressUpdated> kafka;

                ProgressPublisher(KafkaTemplate<String, ProgressUpdated> kafka) {
                    this.kafka = kafka;
                }

                void publish(ProgressUpdated event) {
                    kafka.send("learning.progress", event.userId(), event);
                }
            }
            """;
    static final String SCHEMA_V1 = """
            // file: src/main/resources/schemas/learning.progress/v1.json
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "javaType": "com.acme.learning.domain.ProgressUpdated",
              "type": "object",
              "properties": {
                "eventId": {"type": "string"},
                "userId": {"type": "string"},
                "totalMinutes": {"type": "integer"},
                "level": {"type": "string", "enum": ["BEGINNER", "EXPERT"]},
                "note": {"type": ["string", "null"]}
              },
              "required": ["eventId", "userId", "totalMinutes", "level"],
              "additionalProperties": true
            }
            """;
    static final String LEVEL = """
            // file: src/main/java/com/acme/learning/domain/Level.java
            package com.acme.learning.domain;

            public enum Level { BEGINNER, EXPERT }
            """;

    @TempDir
    Path dir;

    @Test
    void flagsARemovedFieldOnTheRecordDeclaration() {
        assertFindings(dir, RULE, PUBLISHER, SCHEMA_V1, LEVEL, """
                // file: src/main/java/com/acme/learning/domain/ProgressUpdated.java
                package com.acme.learning.domain;

                public record ProgressUpdated(String eventId, String userId, Level level, String note) { // VIOLATION: pipeline.event-schema-evolution
                    public ProgressUpdated {
                        java.util.Objects.requireNonNull(eventId);
                        java.util.Objects.requireNonNull(userId);
                        java.util.Objects.requireNonNull(level);
                    }
                }
                """);
        Finding finding = new Codebase(dir).check(RULE_ID).get(0);
        assertThat(finding.message()).contains("no longer has field 'totalMinutes'")
                .contains("src/main/resources/schemas/learning.progress/v1.json (v1)").contains("breaks FORWARD");
    }

    @Test
    void flagsARetypedFieldAsBreakingFullCompatibility() {
        assertFindings(dir, RULE, PUBLISHER, SCHEMA_V1, LEVEL, """
                // file: src/main/java/com/acme/learning/domain/ProgressUpdated.java
                package com.acme.learning.domain;

                import java.util.Objects;

                public record ProgressUpdated(String eventId, String userId,
                        String totalMinutes, // VIOLATION: pipeline.event-schema-evolution
                        Level level, String note) {
                    public ProgressUpdated {
                        Objects.requireNonNull(eventId);
                        Objects.requireNonNull(userId);
                        Objects.requireNonNull(totalMinutes);
                        Objects.requireNonNull(level);
                    }
                }
                """);
        assertThat(new Codebase(dir).check(RULE_ID)).extracting(Finding::message).singleElement().asString()
                .contains("'totalMinutes'").contains("integer -> string").contains("breaks FULL (BACKWARD and FORWARD)");
    }

    @Test
    void flagsANewRequiredFieldAndAnOptionalOneMadeRequiredAsBreakingBackward() {
        assertFindings(dir, RULE, PUBLISHER, SCHEMA_V1, LEVEL, """
                // file: src/main/java/com/acme/learning/domain/ProgressUpdated.java
                package com.acme.learning.domain;

                import jakarta.validation.constraints.NotNull;

                public record ProgressUpdated(@NotNull String eventId, @NotNull String userId, long totalMinutes, @NotNull Level level,
                        @NotNull String note, // VIOLATION: pipeline.event-schema-evolution
                        int sessions) { // VIOLATION: pipeline.event-schema-evolution
                }
                """);
        assertThat(new Codebase(dir).check(RULE_ID)).extracting(Finding::message)
                .allSatisfy(message -> assertThat(message).contains("breaks BACKWARD (and so FULL)"))
                .anySatisfy(message -> assertThat(message).contains("requires field 'sessions', which").contains("does not have"))
                .anySatisfy(message -> assertThat(message).contains("requires field 'note', which").contains("leaves optional"));
    }

    @Test
    void flagsAnEnumValueRemovedOnTheFieldOfThatEnum() {
        assertFindings(dir, RULE, PUBLISHER, SCHEMA_V1, """
                // file: src/main/java/com/acme/learning/domain/Level.java
                package com.acme.learning.domain;

                public enum Level { BEGINNER, ADVANCED }
                """, """
                // file: src/main/java/com/acme/learning/domain/ProgressUpdated.java
                package com.acme.learning.domain;

                import lombok.NonNull;

                public record ProgressUpdated(@NonNull String eventId, @NonNull String userId, long totalMinutes,
                        @NonNull Level level, // VIOLATION: pipeline.event-schema-evolution
                        String note) {
                }
                """);
        assertThat(new Codebase(dir).check(RULE_ID)).extracting(Finding::message).singleElement().asString()
                .contains("no longer allows EXPERT").contains("breaks BACKWARD");
    }

    @Test
    void flagsARenameAsARemovedFieldPlusANewOneOnTheNewName() {
        assertFindings(dir, RULE, PUBLISHER, SCHEMA_V1, LEVEL, """
                // file: src/main/java/com/acme/learning/domain/ProgressUpdated.java
                package com.acme.learning.domain;

                import com.fasterxml.jackson.annotation.JsonProperty;

                public record ProgressUpdated(@JsonProperty(required = true) String eventId, @JsonProperty(required = true) String userId,
                        long durationMinutes, // VIOLATION: pipeline.event-schema-evolution
                        @JsonProperty(required = true) Level level, String note) {
                }
                """);
        assertThat(new Codebase(dir).check(RULE_ID)).extracting(Finding::message).singleElement().asString()
                .contains("renames field 'totalMinutes' to 'durationMinutes'").contains("breaks FULL");
    }

    @Test
    void findsATypePublishedThroughADeclaredOutboxAppend() {
        assertFindings(dir, RULE, SCHEMA_V1, LEVEL, """
                // file: .tenet/config.yml
                effects:
                  "com.acme.learning.domain.port.ProgressOutbox#append": outbox-append
                // file: src/main/java/com/acme/learning/domain/port/ProgressOutbox.java
                package com.acme.learning.domain.port;

                import com.acme.learning.domain.ProgressUpdated;
                import java.util.List;

                public interface ProgressOutbox {
                    void append(List<ProgressUpdated> events);
                }
                // file: src/main/java/com/acme/learning/domain/ProgressUpdated.java
                package com.acme.learning.domain;

                public record ProgressUpdated(String eventId, String userId, long totalMinutes, Level level, String note) { // VIOLATION: pipeline.event-schema-evolution
                    public ProgressUpdated {
                        java.util.Objects.requireNonNull(eventId);
                        java.util.Objects.requireNonNull(userId);
                        java.util.Objects.requireNonNull(level);
                        java.util.Objects.requireNonNull(note);
                    }
                }
                """);
        assertThat(new Codebase(dir).check(RULE_ID)).extracting(Finding::message).singleElement().asString()
                .contains("requires field 'note'");
    }

    @Test
    void flagsASchemaVersionThatBreaksTheOneBeforeOnItsOwnLineOnly() {
        assertFindings(dir, RULE, PUBLISHER, LEVEL, SCHEMA_V1, """
                // file: src/main/java/com/acme/learning/domain/ProgressUpdated.java
                package com.acme.learning.domain;

                public record ProgressUpdated(String eventId, String userId, long totalMinutes, Level level, String note) {
                    public ProgressUpdated {
                        java.util.Objects.requireNonNull(eventId);
                        java.util.Objects.requireNonNull(userId);
                        java.util.Objects.requireNonNull(level);
                    }
                }
                """, """
                // file: src/main/resources/schemas/learning.progress/v2.json
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "javaType": "com.acme.learning.domain.ProgressUpdated",
                  "type": "object",
                  "properties": {
                    "eventId": {"type": "string"},
                    "userId": {"type": "string"},
                    "totalMinutes": {"type": "number"}, # VIOLATION: pipeline.event-schema-evolution
                    "level": {"type": "string", "enum": ["BEGINNER", "EXPERT"]},
                    "note": {"type": ["string", "null"]}
                  },
                  "required": ["eventId", "userId", "totalMinutes", "level"]
                }
                """);
        assertThat(new Codebase(dir).check(RULE_ID)).extracting(Finding::message).singleElement().asString()
                .contains("integer -> number").contains("breaks FORWARD");
    }

    @Test
    void refusesASchemaThatIsNotJsonNamingTheFileAndLine() {
        Codebase codebase = new Codebase(dir).add("""
                // file: src/main/resources/schemas/learning.progress/v1.json
                {
                  "type": "object",
                  "properties": {"eventId": {"type": "string"}
                """);
        assertThatThrownBy(codebase::check).isInstanceOf(TenetInputException.class)
                .hasMessageContaining("src/main/resources/schemas/learning.progress/v1.json").hasMessageContaining("not valid JSON");
    }

    @Nested
    class NoViolation {
        @Test
        void anOptionalFieldAddedIsCompatible() {
            assertFindings(dir, RULE, PUBLISHER, SCHEMA_V1, LEVEL, """
                    // file: src/main/java/com/acme/learning/domain/ProgressUpdated.java
                    package com.acme.learning.domain;

                    import java.util.Objects;
                    import java.util.Optional;

                    public record ProgressUpdated(String eventId, String userId, long totalMinutes, Level level, String note,
                            String source, Optional<Integer> streak) {
                        public ProgressUpdated {
                            Objects.requireNonNull(eventId);
                            Objects.requireNonNull(userId);
                            Objects.requireNonNull(level);
                        }
                    }
                    """);
        }

        @Test
        void aTypeThatIsNeverSentIsNotJudged() {
            assertFindings(dir, RULE, SCHEMA_V1, """
                    // file: src/main/java/com/acme/learning/domain/ProgressUpdated.java
                    package com.acme.learning.domain;

                    public record ProgressUpdated(String eventId) {
                    }
                    """);
        }

        @Test
        void withoutACommittedSchemaTheRuleIsSilentAndSaysNothing() {
            Codebase codebase = new Codebase(dir).add(PUBLISHER).add("""
                    // file: src/main/java/com/acme/learning/domain/ProgressUpdated.java
                    package com.acme.learning.domain;

                    public record ProgressUpdated(String eventId, String userId) {
                    }
                    """);
            assertThat(codebase.check(RULE_ID)).isEmpty();
            assertThat(notices(codebase.root())).noneMatch(n -> n.contains(RULE_ID));
        }

        @Test
        void aPublishedTypeNoSchemaNamesIsNotCheckedAndTheReportSaysSoOnce() {
            Codebase codebase = new Codebase(dir).add(PUBLISHER).add(SCHEMA_V1.replace("com.acme.learning.domain.ProgressUpdated",
                    "com.acme.learning.domain.SomethingElse")).add("""
                    // file: src/main/java/com/acme/learning/domain/ProgressUpdated.java
                    package com.acme.learning.domain;

                    public record ProgressUpdated(String eventId, String userId) {
                    }
                    """);
            assertThat(codebase.check(RULE_ID)).isEmpty();
            assertThat(notices(codebase.root())).filteredOn(n -> n.contains(RULE_ID)).singleElement().asString()
                    .contains("no committed schema names ProgressUpdated (src/main/java/com/acme/learning/adapter/ProgressPublisher.java:");
        }

        private List<String> notices(Path root) {
            return new Engine(RuleCatalog.forRepository(root), BuiltinChecks.all(), 1)
                    .check(root, ConfigLoader.load(root), ScanCache.none(), Engine.Progress.NONE).notices();
        }
    }
}
