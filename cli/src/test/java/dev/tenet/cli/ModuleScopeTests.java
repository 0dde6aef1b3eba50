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

/**
 * A tree is checked per build module: one module's error handler and settings never answer for
 * another's code, while calls still cross modules; a single file is checked within its module.
 */
class ModuleScopeTests {
    static final String LISTENER = """
            package com.acme.%1$s;

            import java.util.concurrent.Executor;
            import org.springframework.kafka.annotation.KafkaListener;

            public class %2$s {
                private final Executor executor;

                %2$s(Executor executor) {
                    this.executor = executor;
                }

                @KafkaListener(topics = "%1$s-events")
                public void on(String event) {
                    executor.execute(() -> System.out.println(event));
                }
            }
            """;
    static final String ERROR_HANDLER = """
            package com.acme.billing;

            import org.springframework.context.annotation.Bean;
            import org.springframework.kafka.listener.DefaultErrorHandler;

            public class KafkaErrors {
                @Bean
                DefaultErrorHandler errorHandler() {
                    return new DefaultErrorHandler();
                }
            }
            """;

    @TempDir
    Path dir;

    private static JsonNode json(Path target) throws IOException {
        Cli.Result result = Cli.run("check", target.toString(), "--no-cache", "--format", "json");
        return new ObjectMapper().readTree(result.out());
    }

    private static List<String> findings(JsonNode report) {
        List<String> findings = new ArrayList<>();
        report.get("findings").forEach(f -> findings.add(f.get("file").asText() + " " + f.get("ruleId").asText()));
        return findings;
    }

    @Test
    void oneServicesErrorHandlerAndSettingsNeverAnswerForAnotherService() throws IOException {
        Tree tree = new Tree(dir)
                .pom("billing").java("billing", ERROR_HANDLER).java("billing", LISTENER.formatted("billing", "InvoiceListener"))
                .file("billing/src/main/resources/application.yml", "spring:\n  kafka:\n    consumer:\n      enable-auto-commit: true\n")
                .pom("shipping").java("shipping", LISTENER.formatted("shipping", "ParcelListener"));

        List<String> findings = findings(json(tree.root()));

        assertThat(findings).as("billing's handler does not silence shipping; billing's auto-commit does not reach shipping")
                .contains("shipping/src/main/java/com/acme/shipping/ParcelListener.java pipeline.missing-error-handler",
                        "billing/src/main/java/com/acme/billing/InvoiceListener.java pipeline.auto-commit-async")
                .doesNotContain("billing/src/main/java/com/acme/billing/InvoiceListener.java pipeline.missing-error-handler",
                        "shipping/src/main/java/com/acme/shipping/ParcelListener.java pipeline.auto-commit-async");
    }

    @Test
    void theErrorHandlerOfAServicesAppModuleAnswersForTheListenersOfTheModuleItDependsOn() throws IOException {
        Tree tree = new Tree(dir)
                .file("orders/pom.xml", "<project><artifactId>orders</artifactId><modules><module>core</module>"
                        + "<module>app</module></modules></project>\n")
                .file("orders/core/pom.xml", "<project><parent><artifactId>orders</artifactId></parent>"
                        + "<artifactId>orders-core</artifactId></project>\n")
                .java("orders/core", LISTENER.formatted("orders", "OrderListener"))
                .file("orders/app/pom.xml", "<project><parent><artifactId>orders</artifactId></parent><artifactId>orders-app</artifactId>"
                        + "<dependencies><dependency><groupId>com.acme</groupId><artifactId>orders-core</artifactId></dependency>"
                        + "</dependencies></project>\n")
                .java("orders/app", ERROR_HANDLER.replace("com.acme.billing", "com.acme.orders"))
                .pom("shipping").java("shipping", LISTENER.formatted("shipping", "ParcelListener"));

        assertThat(findings(json(tree.root())))
                .contains("shipping/src/main/java/com/acme/shipping/ParcelListener.java pipeline.missing-error-handler")
                .noneMatch(f -> f.startsWith("orders/") && f.endsWith("pipeline.missing-error-handler"));
        assertThat(findings(json(tree.resolve("orders/core/src/main/java/com/acme/orders/OrderListener.java"))))
                .as("alone, the listener is checked with the service's app module too").noneMatch(f -> f.endsWith("pipeline.missing-error-handler"));
    }

    @Test
    void aLibrarySharedByTwoServicesDoesNotJoinThem() throws IOException {
        String common = "<dependencies><dependency><artifactId>common</artifactId></dependency></dependencies>";
        Tree tree = new Tree(dir)
                .file("common/pom.xml", "<project><artifactId>common</artifactId></project>\n")
                .java("common", "package com.acme.common;\npublic class Money {}\n")
                .file("billing/pom.xml", "<project><artifactId>billing</artifactId>" + common + "</project>\n")
                .java("billing", ERROR_HANDLER).java("billing", LISTENER.formatted("billing", "InvoiceListener"))
                .file("shipping/pom.xml", "<project><artifactId>shipping</artifactId>" + common + "</project>\n")
                .java("shipping", LISTENER.formatted("shipping", "ParcelListener"));

        List<String> findings = findings(json(tree.root()));

        assertThat(findings).containsOnlyOnce("shipping/src/main/java/com/acme/shipping/ParcelListener.java pipeline.missing-error-handler")
                .doesNotContain("billing/src/main/java/com/acme/billing/InvoiceListener.java pipeline.missing-error-handler");
    }

    @Test
    void aPerKeyTopicSentToByOneServiceOnlyIsNoTypoInTheOther() {
        Tree tree = new Tree(dir)
                .pom("billing").java("billing", """
                        package com.acme.billing;

                        import org.springframework.kafka.core.KafkaTemplate;

                        public class InvoicePublisher {
                            private final KafkaTemplate<String, String> kafka;

                            InvoicePublisher(KafkaTemplate<String, String> kafka) {
                                this.kafka = kafka;
                            }

                            public void publish(String invoice) {
                                kafka.send("payments.invoiced", invoice);
                            }
                        }
                        """)
                .pom("shipping").java("shipping", "package com.acme.shipping;\npublic class Parcel {}\n")
                .file(".tenet/config.yml", "perKeyTopics: [\"payments.*\"]\n");

        Cli.Result result = Cli.run("check", tree.root().toString(), "--no-cache", "--color", "never");

        assertThat(result.err()).doesNotContain("perKeyTopics");
        assertThat(result.out()).contains("InvoicePublisher.java").contains("[pipeline.missing-message-key]");
    }

    @Test
    void callsStillReachAcrossTheModulesOfOneService() throws IOException {
        Tree tree = new Tree(dir).pom("")
                .pom("core").java("core", """
                        package com.acme.quiz.core;

                        import org.springframework.jdbc.core.JdbcTemplate;

                        public class QuizScores {
                            private final JdbcTemplate jdbc;

                            public QuizScores(JdbcTemplate jdbc) {
                                this.jdbc = jdbc;
                            }

                            public void increment(String userId) {
                                jdbc.update("update quiz_scores set total = total + 1 where user_id = ?", userId);
                            }
                        }
                        """)
                .pom("consumer").java("consumer", """
                        package com.acme.quiz.consumer;

                        import com.acme.quiz.core.QuizScores;
                        import org.springframework.kafka.annotation.KafkaListener;

                        public class QuizListener {
                            private final QuizScores scores;

                            QuizListener(QuizScores scores) {
                                this.scores = scores;
                            }

                            @KafkaListener(topics = "quiz-submitted")
                            public void on(String userId) {
                                scores.increment(userId);
                            }
                        }
                        """);

        assertThat(findings(json(tree.root())))
                .contains("consumer/src/main/java/com/acme/quiz/consumer/QuizListener.java pipeline.listener-not-idempotent");
    }

    @Test
    void aSingleFileGetsTheFindingsTheFolderCheckGivesIt() throws IOException {
        Tree tree = new Tree(dir)
                .pom("billing").java("billing", ERROR_HANDLER).java("billing", LISTENER.formatted("billing", "InvoiceListener"))
                .pom("quiz").java("quiz", """
                        package com.acme.quiz;

                        import org.springframework.jdbc.core.JdbcTemplate;

                        public class QuizScores {
                            private final JdbcTemplate jdbc;

                            public QuizScores(JdbcTemplate jdbc) {
                                this.jdbc = jdbc;
                            }

                            public void increment(String userId) {
                                jdbc.update("update quiz_scores set total = total + 1 where user_id = ?", userId);
                            }
                        }
                        """).java("quiz", """
                        package com.acme.quiz;

                        import org.springframework.kafka.annotation.KafkaListener;

                        public class QuizListener {
                            private final QuizScores scores;

                            QuizListener(QuizScores scores) {
                                this.scores = scores;
                            }

                            @KafkaListener(topics = "quiz-submitted")
                            public void on(String userId) {
                                scores.increment(userId);
                            }
                        }
                        """);
        String listener = "quiz/src/main/java/com/acme/quiz/QuizListener.java";

        List<String> inFolder = new ArrayList<>();
        json(tree.root()).get("findings").forEach(f -> {
            if (f.get("file").asText().equals(listener)) {
                inFolder.add(f.get("ruleId").asText() + ":" + f.get("startLine").asInt() + " " + f.get("message").asText());
            }
        });
        JsonNode alone = json(tree.resolve(listener));
        List<String> single = new ArrayList<>();
        alone.get("findings").forEach(f -> single.add(f.get("ruleId").asText() + ":" + f.get("startLine").asInt() + " "
                + f.get("message").asText()));

        assertThat(inFolder).as("the finding needs QuizScores, another file of the module")
                .anyMatch(f -> f.startsWith("pipeline.listener-not-idempotent:"))
                .anyMatch(f -> f.startsWith("pipeline.missing-error-handler:"));
        assertThat(single).isEqualTo(inFolder);
        alone.get("findings").forEach(f -> assertThat(f.get("file").asText()).isEqualTo("src/main/java/com/acme/quiz/QuizListener.java"));
    }
}
