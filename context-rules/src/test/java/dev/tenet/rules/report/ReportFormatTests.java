package dev.tenet.rules.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportFormatTests {

    @Test
    void parsesFormatNamesIgnoringCase() {
        assertThat(ReportFormat.parse("text")).isEqualTo(ReportFormat.TEXT);
        assertThat(ReportFormat.parse(" JSON ")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.parse("Sarif")).isEqualTo(ReportFormat.SARIF);
        assertThat(ReportFormat.parse("markdown")).isEqualTo(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.parse("md")).isEqualTo(ReportFormat.MARKDOWN);
    }

    @Test
    void rejectsAnUnknownFormatListingTheValidOnes() {
        assertThatThrownBy(() -> ReportFormat.parse("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown report format 'xml' (expected one of: text, json, sarif, markdown)");
        assertThatThrownBy(() -> ReportFormat.parse(null)).hasMessageContaining("expected one of");
    }

    @Test
    void givesTheReporterOfEachFormat() {
        assertThat(ReportFormat.TEXT.reporter(true, Path.of(""))).isInstanceOf(TextReporter.class);
        assertThat(ReportFormat.JSON.reporter(false, Path.of(""))).isInstanceOf(JsonReporter.class);
        assertThat(ReportFormat.SARIF.reporter(false, Path.of(""))).isInstanceOf(SarifReporter.class);
        assertThat(ReportFormat.MARKDOWN.reporter(false, Path.of(""))).isInstanceOf(MarkdownReporter.class);
        assertThat(ReportFormat.TEXT.reporter(true, Path.of("")).render(SampleReports.empty())).contains("\u001B[");
        assertThat(ReportFormat.TEXT.reporter(false, Path.of("")).render(SampleReports.empty())).doesNotContain("\u001B[");
    }
}
