package dev.tenet.rules.report;

import static dev.tenet.rules.report.SampleReports.ENTITY_IMPORT;
import static dev.tenet.rules.report.SampleReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTests {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesToolSummaryAndFindingsWithEveryFieldInAFixedOrder() {
        String json = new JsonReporter().render(report(List.of(ENTITY_IMPORT), 40, 2));

        assertThat(json).isEqualTo("""
                {
                  "tool": {
                    "name": "tenet",
                    "version": "9.9.9"
                  },
                  "summary": {
                    "root": "learning-service",
                    "filesChecked": 40,
                    "filesWithFindings": 1,
                    "findings": 1,
                    "bySeverity": {
                      "error": 1,
                      "warning": 0,
                      "info": 0
                    },
                    "baselined": 2
                  },
                  "findings": [
                    {
                      "ruleId": "layering.domain-no-framework",
                      "severity": "error",
                      "file": "src/main/java/com/acme/learning/domain/TrainingProgress.java",
                      "startLine": 3,
                      "endLine": 3,
                      "column": 1,
                      "message": "The domain imports jakarta.persistence.Entity, so the business rules depend on JPA.",
                      "fixHint": "Map the domain type to a JPA entity in an adapter.",
                      "fingerprint": "a1b2c3d4e5f60718",
                      "path": [],
                      "related": []
                    }
                  ]
                }
                """);
    }

    @Test
    void listsFindingsSortedByFileAndLineWithCountsPerSeverity() throws Exception {
        JsonNode json = mapper.readTree(new JsonReporter().render(SampleReports.several()));

        List<String> files = new ArrayList<>();
        json.get("findings").forEach(f -> files.add(f.get("file").asText()));
        assertThat(files).isSorted().hasSize(4);
        assertThat(json.at("/summary/bySeverity/error").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/bySeverity/warning").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/bySeverity/info").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/filesWithFindings").asInt()).isEqualTo(4);
        assertThat(json.at("/findings/1/fixHint").asText()).isEmpty();
        assertThat(json.at("/findings/1/severity").asText()).isEqualTo("info");
    }

    @Test
    void writesTheStepsOfAFindingFoundAlongCalls() throws Exception {
        JsonNode finding = mapper.readTree(new JsonReporter().render(report(List.of(SampleReports.DUAL_WRITE), 2, 0))).at("/findings/0");

        assertThat(finding.get("column").asInt()).isEqualTo(9);
        assertThat(finding.get("path")).hasSize(2);
        assertThat(finding.at("/path/1/file").asText()).isEqualTo(SampleReports.PUBLISHER);
        assertThat(finding.at("/path/1/line").asInt()).isEqualTo(13);
        assertThat(finding.at("/path/1/column").asInt()).isEqualTo(9);
        assertThat(finding.at("/path/1/label").asText()).isEqualTo("publishes to Kafka (kafkaTemplate.send())");
        assertThat(finding.at("/related/0/label").asText()).isEqualTo("writes the database (jdbcTemplate.update())");
    }

    @Test
    void writesAnEmptyFindingsArrayWhenThereAreNoFindings() throws Exception {
        String json = new JsonReporter().render(SampleReports.empty());

        assertThat(json).contains("\"findings\": []").endsWith("}\n");
        assertThat(mapper.readTree(json).at("/summary/findings").asInt()).isZero();
    }

    @Test
    void keepsQuotesInMessagesIntact() throws Exception {
        JsonNode json = mapper.readTree(new JsonReporter().render(SampleReports.several()));

        assertThat(json.at("/findings/0/message").asText()).endsWith("Found \"}\"");
    }
}
