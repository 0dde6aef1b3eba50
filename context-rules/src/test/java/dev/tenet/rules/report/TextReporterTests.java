package dev.tenet.rules.report;

import static dev.tenet.rules.report.SampleReports.ASSERT_IMPORT;
import static dev.tenet.rules.report.SampleReports.ENTITY_IMPORT;
import static dev.tenet.rules.report.SampleReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.rules.Severity;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReporterTests {

    @Test
    void groupsFindingsByFileWithOneLinePerFindingAndItsFixThenASummary() {
        String text = new TextReporter(false).render(SampleReports.several());

        assertThat(text).isEqualTo("""
                src/main/java/com/acme/learning/adapter/kafka/ProgressPublisher.java
                  L40  error    The file does not parse as Java, so no rule could check it: Parse error. Found "}" [tenet.parse-error]
                       fix: Fix the syntax error; the rest of the run went on without this file.

                src/main/java/com/acme/learning/adapter/partner/PartnerGateway.java
                  L7  info     PartnerGateway still calls the legacy partner client. [team.no-legacy-client]

                src/main/java/com/acme/learning/domain/TrainingProgress.java
                  L3  error    The domain imports jakarta.persistence.Entity, so the business rules depend on JPA. [layering.domain-no-framework]
                      fix: Map the domain type to a JPA entity in an adapter.

                src/main/java/com/acme/learning/domain/UserId.java
                  L12  warning  The domain imports org.springframework.util.Assert, so the business rules depend on Spring. [layering.domain-no-framework]
                       fix: Use Objects.requireNonNull instead.

                4 findings (2 errors, 1 warning, 1 info) in 4 of 40 files; 5 baselined
                """);
    }

    @Test
    void alignsTheFindingsOfOneFileOnTheLongestLineNumber() {
        Finding early = new Finding("layering.domain-no-framework", Severity.ERROR, ENTITY_IMPORT.file(), 9, 9,
                "Another import.", "", "ffff");
        Finding late = new Finding("layering.domain-no-framework", Severity.ERROR, ENTITY_IMPORT.file(), 120, 120,
                "A late import.", "", "eeee");

        String text = new TextReporter(false).render(report(List.of(late, early), 3, 0));

        assertThat(text).contains("  L9    error    Another import.", "  L120  error    A late import.");
    }

    @Test
    void saysSoInOneSentenceWhenThereAreNoFindings() {
        assertThat(new TextReporter(false).render(SampleReports.empty())).isEqualTo("No findings in 40 files.\n");
        assertThat(new TextReporter(false).render(report(List.of(), 1, 3))).isEqualTo("No new findings in 1 file; 3 baselined.\n");
    }

    @Test
    void usesTheSingularForOneFindingInOneFile() {
        String text = new TextReporter(false).render(report(List.of(ASSERT_IMPORT), 1, 0));

        assertThat(text).endsWith("\n1 finding (1 warning) in 1 of 1 file\n");
    }

    @Test
    void writesNoAnsiCodesUnlessColourIsAskedFor() {
        assertThat(new TextReporter(false).render(SampleReports.several())).doesNotContain("\u001B[");

        String coloured = new TextReporter(true).render(SampleReports.several());

        assertThat(coloured)
                .contains("\u001B[31merror  \u001B[0m", "\u001B[33mwarning\u001B[0m", "\u001B[36minfo   \u001B[0m")
                .contains("\u001B[1msrc/main/java/com/acme/learning/domain/UserId.java\u001B[0m")
                .contains("\u001B[2m[layering.domain-no-framework]\u001B[0m");
        assertThat(coloured.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(new TextReporter(false).render(SampleReports.several()));
    }

    @Test
    void writesToAnyAppendable() throws IOException {
        StringWriter out = new StringWriter();

        new TextReporter(false).write(SampleReports.empty(), out);

        assertThat(out).hasToString("No findings in 40 files.\n");
    }
}
