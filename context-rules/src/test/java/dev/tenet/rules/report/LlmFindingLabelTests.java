package dev.tenet.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.tenet.rules.Severity;
import dev.tenet.rules.finding.Finding;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding of the LLM review pass carries its label in every report format; a check's finding renders as before. */
class LlmFindingLabelTests {
    private static final Finding MODEL = new Finding("resilience.retry-backoff-jitter", Severity.INFO,
            "src/main/java/com/acme/learning/adapter/Retry.java", 21, 21, "Retries at once, with no backoff.", "Back off with jitter.",
            "0123456789abcdef01234567", 0, List.of(), List.of(), Finding.Origin.LLM);
    private static final Report REPORT = SampleReports.report(List.of(MODEL, SampleReports.ENTITY_IMPORT), 2, 0)
            .withNotices(List.of("LLM review pass (openai gpt-test): 1 of 1 hunk(s) reviewed, 1 finding(s) kept; 940 of 50,000 tokens spent (900 in, 40 out)."));
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void textLabelsTheModelsFindingOnly() {
        String text = new TextReporter(false, Path.of("")).render(REPORT);

        assertThat(text).contains("Retry.java:21: info: Retries at once, with no backoff. [resilience.retry-backoff-jitter] (LLM)\n")
                .contains("[layering.domain-no-framework]\n")
                .contains("note: LLM review pass (openai gpt-test): 1 of 1 hunk(s) reviewed");
    }

    @Test
    void jsonMarksTheOriginOfTheModelsFindingOnly() throws Exception {
        JsonNode findings = mapper.readTree(new JsonReporter().render(REPORT)).get("findings");

        assertThat(findings.get(0).path("origin").asText()).isEqualTo("llm");
        assertThat(findings.get(1).has("origin")).isFalse();
    }

    @Test
    void markdownLabelsTheModelsFinding() {
        assertThat(new MarkdownReporter().render(REPORT)).contains("**info** _(LLM)_ Retries at once, with no backoff.")
                .contains("> **Note:** LLM review pass");
    }

    @Test
    void sarifLabelsTheModelsFindingAndStaysValid() throws Exception {
        String sarif = new SarifReporter().render(REPORT);

        JsonNode results = mapper.readTree(sarif).at("/runs/0/results");
        JsonNode model = results.get(0).path("ruleId").asText().startsWith("resilience") ? results.get(0) : results.get(1);
        assertThat(model.at("/message/text").asText()).startsWith("(LLM) Retries at once");
        assertThat(model.at("/properties/tenet~1origin").asText()).isEqualTo("llm");
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0-rtm.5.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
            assertThat(schema.validate(mapper.readTree(sarif))).isEmpty();
        }
    }
}
