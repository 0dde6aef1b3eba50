package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet check} driven with arguments, asserting output and exit codes as a user sees them. */
class CheckCommandTests {
    static final String LISTENER = """
            package com.acme.learning.adapter.in.kafka;

            import org.springframework.kafka.annotation.KafkaListener;
            import org.springframework.jdbc.core.JdbcTemplate;

            public class QuizListener {
                private final JdbcTemplate jdbc;

                QuizListener(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                @KafkaListener(topics = "quiz-submitted")
                public void on(String userId) {
                    jdbc.update("update quiz_scores set total = total + 1 where user_id = ?", userId);
                }
            }
            """;
    static final String CLEAN = """
            package com.acme.learning.domain;

            public record TrainingMinutes(String userId, long minutes) {
            }
            """;

    @TempDir
    Path repo;

    private void write(String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Cli.Result check(String... extra) {
        String[] args = Stream.concat(Stream.of("check", repo.toString(), "--no-cache", "--color", "never"), Stream.of(extra))
                .toArray(String[]::new);
        return Cli.run(args);
    }

    @Test
    void cleanCodeExitsZeroWithASummary() throws IOException {
        write("src/main/java/com/acme/learning/domain/TrainingMinutes.java", CLEAN);
        Cli.Result result = check();
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("No findings in 1 file");
    }

    @Test
    void aFindingAtOrAboveFailOnExitsOne() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", LISTENER);
        Cli.Result result = check();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("QuizListener.java:15:9: error: Listener QuizListener#on writes the database")
                .contains("[pipeline.listener-not-idempotent]");
    }

    @Test
    void failOnDecidesTheExitCode() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", LISTENER);
        write(".tenet/config.yml", "rules:\n  pipeline.listener-not-idempotent: info\n  pipeline.missing-error-handler: info\n");
        assertThat(check().exitCode()).isZero();
        assertThat(check("--fail-on", "info").exitCode()).isEqualTo(1);
        assertThat(check("--fail-on", "never").exitCode()).isZero();
    }

    @Test
    void jsonCarriesEveryFieldOfAFinding() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", LISTENER);
        Cli.Result result = check("--format", "json");
        JsonNode finding = new ObjectMapper().readTree(result.out()).get("findings").get(0);
        assertThat(finding.fieldNames()).toIterable().contains("ruleId", "severity", "file", "startLine", "endLine", "message",
                "fixHint", "fingerprint");
        assertThat(finding.get("file").asText()).isEqualTo("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java");
    }

    @Test
    void aWrapperDeclaredInTheConfigHasItsEffectAndAMistypedOneIsAnErrorAtItsLine() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", """
                package com.acme.learning.adapter.in.kafka;

                import com.acme.events.EventPublisher;
                import org.springframework.kafka.annotation.KafkaListener;

                public class QuizListener {
                    private final EventPublisher events;

                    QuizListener(EventPublisher events) {
                        this.events = events;
                    }

                    @KafkaListener(topics = "quiz-submitted")
                    public void on(String userId) {
                        events.publish("quiz.scored", userId);
                    }
                }
                """);
        write(".tenet/config.yml", "effects:\n  \"com.acme.events.EventPublisher#publish\": kafka-send\n");
        Cli.Result declared = check("--format", "json");
        List<String> idempotency = new ArrayList<>();
        new ObjectMapper().readTree(declared.out()).get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals("pipeline.listener-not-idempotent")) {
                idempotency.add(f.get("message").asText());
            }
        });
        assertThat(idempotency).singleElement().asString().contains("publishes to Kafka (events.publish())");

        write(".tenet/config.yml", "rules: {}\neffects:\n  \"com.acme.events.EventPublisher#publish\": kafka-publish\n");
        Cli.Result mistyped = check();
        assertThat(mistyped.exitCode()).isEqualTo(2);
        assertThat(mistyped.err()).contains(".tenet/config.yml:3").contains("unknown effect 'kafka-publish'");
    }

    @Test
    void jsonSaysHowManyCallsCouldNotBeResolved() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", LISTENER);
        write("src/main/java/com/acme/learning/adapter/in/kafka/Relay.java", """
                package com.acme.learning.adapter.in.kafka;

                import java.util.ArrayList;
import java.util.List;

                class Relay {
                    void relay(List<String> ids) {
                        ids.forEach(id -> id.strip().length());
                        lookup().send(ids);
                    }

                    private Sender lookup() {
                        return null;
                    }
                }
                """);
        JsonNode calls = new ObjectMapper().readTree(check("--format", "json").out()).at("/summary/calls");
        assertThat(calls.get("total").asInt()).isEqualTo(4);
        assertThat(calls.get("unresolved").asInt()).as("id.strip() on an untyped lambda parameter, send() on a call's result")
                .isEqualTo(2);
    }

    @Test
    void sarifAndMarkdownAreAvailable() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", LISTENER);
        JsonNode sarif = new ObjectMapper().readTree(check("--format", "sarif").out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/results/0/partialFingerprints").isObject()).isTrue();
        assertThat(check("--format", "markdown").out()).contains("pipeline.listener-not-idempotent");
    }

    @Test
    void outputGoesToTheNamedFileWithTheSummaryOnStderr() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", LISTENER);
        Path report = repo.resolveSibling(repo.getFileName() + "-report.sarif");
        Cli.Result result = check("--format", "sarif", "--output", report.toString());
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Report written to");
        assertThat(Files.readString(report)).contains("\"version\": \"2.1.0\"");
    }

    @Test
    void checkingWritesNothingIntoTheCheckedTree() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", LISTENER);
        List<Path> before = listTree();
        Cli.Result result = Cli.run("check", repo.toString(), "--cache-dir", repo.resolveSibling("cache-" + repo.getFileName()).toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(listTree()).isEqualTo(before);
    }

    @Test
    void aSecondRunIsServedFromTheCacheWithTheSameFindings() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", LISTENER);
        String cache = repo.resolveSibling("cache2-" + repo.getFileName()).toString();
        Cli.Result first = Cli.run("check", repo.toString(), "--cache-dir", cache, "--format", "json");
        Cli.Result second = Cli.run("check", repo.toString(), "--cache-dir", cache, "--format", "json");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.list(Path.of(cache).resolve("scan"))).isNotEmpty();
    }

    private List<Path> listTree() throws IOException {
        try (Stream<Path> files = Files.walk(repo)) {
            return files.sorted().toList();
        }
    }

    @Nested
    class BadInput {
        @Test
        void anUnknownFormatIsAUsageError() {
            Cli.Result result = check("--format", "xml");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("unknown report format 'xml'").contains("text, json, sarif, markdown");
        }

        @Test
        void anUnknownFailOnLevelIsAUsageError() {
            Cli.Result result = check("--fail-on", "fatal");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("--fail-on 'fatal'");
        }

        @Test
        void aMissingDirectoryIsAUsageError() {
            Cli.Result result = Cli.run("check", repo.resolve("nope").toString());
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("nope").contains("no such file or directory");
        }

        @Test
        void aFolderWithoutJavaFilesIsAUsageErrorThatSaysSo() throws IOException {
            write("README.md", "# Not code\n");
            Cli.Result result = check();
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("no Java file to check").doesNotContain("Exception");
            assertThat(result.out()).isEmpty();
        }

        @Test
        void aNonJavaFileAsTheTargetIsRefused() throws IOException {
            write("pom.xml", "<project/>\n");
            Cli.Result result = Cli.run("check", repo.resolve("pom.xml").toString(), "--no-cache");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("pom.xml").contains("not a Java file");
        }

        @Test
        void aMalformedApplicationYmlNamesFileAndLine() throws IOException {
            write("src/main/java/com/acme/learning/domain/TrainingMinutes.java", CLEAN);
            write("src/main/resources/application.yml", "spring:\n  kafka:\n    consumer:\n   group-id: progress\n  bad\n");
            Cli.Result result = check();
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).startsWith("tenet: src/main/resources/application.yml:").contains("not valid YAML")
                    .doesNotContain("Exception");
            assertThat(result.err().lines()).hasSize(1);
        }

        @Test
        void aBrokenConfigNamesFileAndLine() throws IOException {
            write("src/main/java/com/acme/learning/domain/TrainingMinutes.java", CLEAN);
            write(".tenet/config.yml", "rules:\n  pipeline.blocking-listener: loud\n");
            Cli.Result result = check();
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains(".tenet/config.yml:2").contains("'loud'").doesNotContain("Exception");
        }

        @Test
        void aBrokenRepositoryRuleNamesFileAndLine() throws IOException {
            write("src/main/java/com/acme/learning/domain/TrainingMinutes.java", CLEAN);
            write(".tenet/rules/team.no-sleep.md", "---\nid: team.no-sleep\nsummary: No sleeping\nseverity: critical\n---\n");
            Cli.Result result = check();
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains(".tenet/rules/team.no-sleep.md:4").contains("unknown severity 'critical'");
        }

        @Test
        void aFileThatDoesNotParseIsReportedAndTheRunGoesOn() throws IOException {
            write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", LISTENER);
            write("src/main/java/com/acme/Broken.java", "class Broken {\n  void m( {\n}\n");
            Cli.Result result = check("--format", "json");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).contains("tenet.parse-error").contains("pipeline.listener-not-idempotent");
        }
    }

    @Test
    void helpListsTheExitCodes() {
        Cli.Result result = Cli.run("check", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Exit codes:").contains("1   Findings at or above --fail-on")
                .contains("2   Usage or configuration error");
    }
}
