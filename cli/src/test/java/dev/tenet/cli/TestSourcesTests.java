package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test sources are not checked by production rules unless {@code checkTestSources: true}; every check agrees. */
class TestSourcesTests {
    static final String LISTENER = """
            package com.acme.quiz;

            import org.springframework.kafka.annotation.KafkaListener;

            public class QuizListener {
                @KafkaListener(topics = "quiz-submitted")
                public void on(String userId) {
                }
            }
            """;
    static final String TEST_ERROR_HANDLER = """
            package com.acme.quiz;

            import org.springframework.context.annotation.Bean;
            import org.springframework.kafka.listener.DefaultErrorHandler;

            public class TestKafkaConfig {
                @Bean
                DefaultErrorHandler errorHandler() {
                    return new DefaultErrorHandler();
                }
            }
            """;
    static final String NOT_IDEMPOTENT = """
            package com.acme.quiz;

            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.kafka.annotation.KafkaListener;

            public class %s {
                private final JdbcTemplate jdbc;

                %s(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                @KafkaListener(topics = "quiz-submitted")
                public void on(String userId) {
                    jdbc.update("update quiz_scores set total = total + 1 where user_id = ?", userId);
                }
            }
            """;

    @TempDir
    Path dir;

    private static JsonNode json(Path root) throws IOException {
        Cli.Result result = Cli.run("check", root.toString(), "--no-cache", "--format", "json");
        return new ObjectMapper().readTree(result.out());
    }

    private static List<String> files(JsonNode report) {
        List<String> files = new ArrayList<>();
        report.get("findings").forEach(f -> files.add(f.get("file").asText() + " " + f.get("ruleId").asText()));
        return files;
    }

    private Tree serviceWithTests() {
        return new Tree(dir)
                .java("", LISTENER)
                .java("", "test", TEST_ERROR_HANDLER)
                .java("", "test", NOT_IDEMPOTENT.formatted("CapturingListener", "CapturingListener"))
                .java("", "it", NOT_IDEMPOTENT.formatted("ItListener", "ItListener"))
                .java("", "integrationTest", NOT_IDEMPOTENT.formatted("IntegrationListener", "IntegrationListener"))
                .java("", "gatling", NOT_IDEMPOTENT.formatted("LoadListener", "LoadListener"))
                .java("", "jmh", NOT_IDEMPOTENT.formatted("BenchListener", "BenchListener"))
                .java("", NOT_IDEMPOTENT.formatted("QuizListenerTest", "QuizListenerTest"))
                .java("", NOT_IDEMPOTENT.formatted("QuizListenerIT", "QuizListenerIT"))
                .file("src/test/resources/application.yml", "spring.kafka.consumer.enable-auto-commit: true\n");
    }

    @Test
    void testSourcesNeitherGetFindingsNorSilenceTheServicesFindings() throws IOException {
        Tree tree = serviceWithTests();

        JsonNode report = json(tree.root());

        assertThat(files(report)).as("the test's error handler bean is not the service's")
                .containsExactly("src/main/java/com/acme/quiz/QuizListener.java pipeline.missing-error-handler");
        assertThat(report.at("/summary/filesChecked").asInt()).isEqualTo(1);
    }

    @Test
    void checkTestSourcesTrueChecksThemAgain() throws IOException {
        Tree tree = serviceWithTests().file(".tenet/config.yml", "checkTestSources: true\n");

        List<String> files = files(json(tree.root()));

        assertThat(files).contains("src/test/java/com/acme/quiz/CapturingListener.java pipeline.listener-not-idempotent",
                "src/it/java/com/acme/quiz/ItListener.java pipeline.listener-not-idempotent",
                "src/gatling/java/com/acme/quiz/LoadListener.java pipeline.listener-not-idempotent",
                "src/main/java/com/acme/quiz/QuizListenerTest.java pipeline.listener-not-idempotent")
                .noneMatch(f -> f.contains("missing-error-handler"));
    }

    @Test
    void checkTestSourcesIsValidatedLikeTheOtherKeys() {
        Tree tree = serviceWithTests().file(".tenet/config.yml", "exclude: []\ncheckTestSources: sometimes\n");

        Cli.Result result = Cli.run("check", tree.root().toString(), "--no-cache");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(".tenet/config.yml:2: 'checkTestSources' must be true or false");
    }
}
