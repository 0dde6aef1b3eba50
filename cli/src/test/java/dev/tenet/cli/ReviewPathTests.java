package dev.tenet.cli;

import static dev.tenet.cli.ReviewLocalTests.findings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet review} on a change that makes a finding somewhere along a path of calls: the finding sits on the changed line. */
class ReviewPathTests {
    static final String SERVICE = "src/main/java/com/acme/orders/OrderService.java";
    static final String PUBLISHER = "src/main/java/com/acme/orders/PaymentPublisher.java";
    static final String WRITING_SERVICE = """
            package com.acme.orders;

            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.transaction.annotation.Transactional;

            public class OrderService {
                private final JdbcTemplate jdbcTemplate;
                private final PaymentPublisher publisher;

                OrderService(JdbcTemplate jdbcTemplate, PaymentPublisher publisher) {
                    this.jdbcTemplate = jdbcTemplate;
                    this.publisher = publisher;
                }

                @Transactional
                public void record(String orderId) {
                    jdbcTemplate.update("UPDATE orders SET paid = true WHERE id = ?", orderId);
                }
            }
            """;
    static final String NEW_CALL = """
                    jdbcTemplate.update("UPDATE orders SET paid = true WHERE id = ?", orderId);
                    publisher.publish(orderId);
            """;
    static final String PUBLISHER_CODE = """
            package com.acme.orders;

            import org.springframework.kafka.core.KafkaTemplate;

            public class PaymentPublisher {
                private final KafkaTemplate<String, String> kafkaTemplate;

                PaymentPublisher(KafkaTemplate<String, String> kafkaTemplate) {
                    this.kafkaTemplate = kafkaTemplate;
                }

                public void publish(String orderId) {
                    kafkaTemplate.send("payments", orderId, orderId);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aNewCallInATransactionThatLeadsToASendInAHelperIsReportedAtTheChangedCallLine() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write(SERVICE, WRITING_SERVICE).write(PUBLISHER, PUBLISHER_CODE).commitAll("orders are recorded");
            repo.write(SERVICE, WRITING_SERVICE.replace(NEW_CALL.lines().findFirst().orElseThrow() + "\n", NEW_CALL))
                    .commitAll("announce payments");

            Cli.Result review = Cli.run("review", dir.toString(), "--base", "HEAD~1", "--head", "HEAD", "--no-cache", "--color", "never");

            assertThat(review.exitCode()).as(review.err()).isEqualTo(1);
            String service = dir.resolve(SERVICE).toString();
            String publisher = dir.resolve(PUBLISHER).toString();
            assertThat(review.out()).startsWith(service + ":18:9: error: This call publishes to Kafka (kafkaTemplate.send() via "
                    + "PaymentPublisher#publish) inside the transaction of @Transactional OrderService#record, which also writes the "
                    + "database (jdbcTemplate.update()): a dual write, the database commit and the publish are not atomic, so one can "
                    + "happen without the other [pipeline.outbox-dual-write]\n");
            assertThat(review.out()).contains("""
                        path:
                          %s:18:9  calls PaymentPublisher#publish
                          %s:13:9  publishes to Kafka (kafkaTemplate.send())
                        related:
                          %s:17:9  writes the database (jdbcTemplate.update())
                    """.formatted(service, publisher, service));
            assertThat(review.out()).endsWith("1 finding (1 error) in 1 of 1 file\n");
        }
    }

    @Test
    void aChangeOffThePathReportsNothing() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write(SERVICE, WRITING_SERVICE.replace(NEW_CALL.lines().findFirst().orElseThrow() + "\n", NEW_CALL))
                    .write(PUBLISHER, PUBLISHER_CODE).commitAll("a dual write already there");
            repo.write(PUBLISHER, PUBLISHER_CODE.replace("    }\n}\n", "    }\n\n    public String topic() {\n        return \"payments\";\n    }\n}\n"))
                    .commitAll("an unrelated method");

            Cli.Result review = Cli.run("review", dir.toString(), "--base", "HEAD~1", "--head", "HEAD", "--format", "json", "--no-cache");

            assertThat(review.exitCode()).as(review.err()).isZero();
            assertThat(findings(review)).isEmpty();
            assertThat(review.err()).contains("1 finding(s) outside the --scope lines not shown");
        }
    }

    @Test
    void aChangeInTheHelperIsReportedAtTheChangedLineSayingWhichStepOfThePathItIs() throws Exception {
        String quietPublisher = PUBLISHER_CODE.replace("        kafkaTemplate.send(\"payments\", orderId, orderId);\n", "");
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write(SERVICE, WRITING_SERVICE.replace(NEW_CALL.lines().findFirst().orElseThrow() + "\n", NEW_CALL))
                    .write(PUBLISHER, quietPublisher).commitAll("publishing not wired yet");
            repo.write(PUBLISHER, PUBLISHER_CODE).commitAll("publish payments");

            Cli.Result review = Cli.run("review", dir.toString(), "--base", "HEAD~1", "--head", "HEAD", "--no-cache", "--color", "never");

            assertThat(review.exitCode()).as(review.err()).isEqualTo(1);
            assertThat(review.out()).startsWith(dir.resolve(PUBLISHER) + ":13:9: error: This changed line publishes to Kafka "
                    + "(kafkaTemplate.send()), step 2 of 2 on the path from OrderService.java:18: This call publishes to Kafka");
        }
    }
}
