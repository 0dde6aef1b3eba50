package dev.tenet.rules.report;

import static dev.tenet.rules.report.SampleReports.ASSERT_IMPORT;
import static dev.tenet.rules.report.SampleReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTests {

    @Test
    void printsEachFindingAsPathLineColumnWithItsFixTheFindingsOfAFileTogetherThenASummary() {
        String text = new TextReporter(false, Path.of("")).render(SampleReports.several());

        assertThat(text).isEqualTo("""
                src/main/java/com/acme/learning/adapter/kafka/ProgressPublisher.java:40: error: The file does not parse as Java, so no rule could check it: Parse error. Found "}" [tenet.parse-error]
                    fix: Fix the syntax error; the rest of the run went on without this file.

                src/main/java/com/acme/learning/adapter/partner/PartnerGateway.java:7: info: PartnerGateway still calls the legacy partner client. [team.no-legacy-client]

                src/main/java/com/acme/learning/domain/TrainingProgress.java:3:1: error: The domain imports jakarta.persistence.Entity, so the business rules depend on JPA. [layering.domain-no-framework]
                    fix: Map the domain type to a JPA entity in an adapter.

                src/main/java/com/acme/learning/domain/UserId.java:12: warning: The domain imports org.springframework.util.Assert, so the business rules depend on Spring. [layering.domain-no-framework]
                    fix: Use Objects.requireNonNull instead.

                4 findings (2 errors, 1 warning, 1 info) in 4 of 40 files; 5 baselined
                """);
    }

    @Test
    void printsTheStepsOfAFindingFoundAlongCallsUnderIt() {
        String text = new TextReporter(false, Path.of("")).render(report(List.of(SampleReports.DUAL_WRITE), 2, 0));

        assertThat(text).startsWith("""
                src/main/java/com/acme/orders/OrderService.java:18:9: error: This call publishes to Kafka \
                (kafkaTemplate.send() via PaymentPublisher#publish) inside the transaction of @Transactional OrderService#record, \
                which also writes the database (jdbcTemplate.update()): a dual write [pipeline.outbox-dual-write]
                    fix: Write the event to an outbox table in the same transaction.
                    path:
                      src/main/java/com/acme/orders/OrderService.java:18:9  calls PaymentPublisher#publish
                      src/main/java/com/acme/orders/PaymentPublisher.java:13:9  publishes to Kafka (kafkaTemplate.send())
                    related:
                      src/main/java/com/acme/orders/OrderService.java:17:9  writes the database (jdbcTemplate.update())

                """);
    }

    @Test
    void showsPathsFromTheWorkingDirectoryWhenTheRootIsElsewhere() {
        String text = new TextReporter(false, Path.of("services", "orders")).render(report(List.of(SampleReports.DUAL_WRITE), 2, 0));

        assertThat(text)
                .startsWith(Path.of("services", "orders", SampleReports.SERVICE) + ":18:9: error: ")
                .contains("      " + Path.of("services", "orders", SampleReports.PUBLISHER) + ":13:9  publishes to Kafka");
    }

    @Test
    void saysSoInOneSentenceWhenThereAreNoFindings() {
        assertThat(new TextReporter(false, Path.of("")).render(SampleReports.empty())).isEqualTo("No findings in 40 files.\n");
        assertThat(new TextReporter(false, Path.of("")).render(report(List.of(), 1, 3))).isEqualTo("No new findings in 1 file; 3 baselined.\n");
    }

    @Test
    void usesTheSingularForOneFindingInOneFile() {
        String text = new TextReporter(false, Path.of("")).render(report(List.of(ASSERT_IMPORT), 1, 0));

        assertThat(text).endsWith("\n1 finding (1 warning) in 1 of 1 file\n");
    }

    @Test
    void writesNoAnsiCodesUnlessColourIsAskedFor() {
        assertThat(new TextReporter(false, Path.of("")).render(SampleReports.several())).doesNotContain("\u001B[");

        String coloured = new TextReporter(true, Path.of("")).render(SampleReports.several());

        assertThat(coloured)
                .contains("\u001B[31merror\u001B[0m", "\u001B[33mwarning\u001B[0m", "\u001B[36minfo\u001B[0m")
                .contains("\u001B[1msrc/main/java/com/acme/learning/domain/UserId.java:12\u001B[0m")
                .contains("\u001B[2m[layering.domain-no-framework]\u001B[0m");
        assertThat(coloured.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(new TextReporter(false, Path.of("")).render(SampleReports.several()));
    }

    @Test
    void writesToAnyAppendable() throws IOException {
        StringWriter out = new StringWriter();

        new TextReporter(false, Path.of("")).write(SampleReports.empty(), out);

        assertThat(out).hasToString("No findings in 40 files.\n");
    }
}
