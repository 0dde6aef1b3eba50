package dev.tenet.rules.report;

import static dev.tenet.rules.report.SampleReports.ASSERT_IMPORT;
import static dev.tenet.rules.report.SampleReports.DOMAIN_RULE;
import static dev.tenet.rules.report.SampleReports.ENTITY_IMPORT;
import static dev.tenet.rules.report.SampleReports.LEGACY_CLIENT;
import static dev.tenet.rules.report.SampleReports.PARSE_RULE;
import static dev.tenet.rules.report.SampleReports.TEAM_RULE;
import static dev.tenet.rules.report.SampleReports.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleBody;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifReporterTests {
    private static final JsonSchema SARIF_SCHEMA = loadSchema();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aReportWithSeveralFindingsAndRulesIsValidSarif() throws Exception {
        String sarif = new SarifReporter().render(SampleReports.several());

        assertThat(validate(sarif)).isEmpty();
    }

    @Test
    void aFindingFoundAlongCallsHasItsColumnItsStepsAsRelatedLocationsAndCodeFlowsAndIsValidSarif() throws Exception {
        String sarif = new SarifReporter().render(report(List.of(SampleReports.DUAL_WRITE, ENTITY_IMPORT), 3, 0));

        assertThat(validate(sarif)).isEmpty();
        JsonNode result = mapper.readTree(sarif).at("/runs/0/results/1");
        assertThat(result.get("ruleId").asText()).isEqualTo(SampleReports.DUAL_WRITE_RULE);
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(18);
        assertThat(result.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(9);
        JsonNode related = result.get("relatedLocations");
        assertThat(related).hasSize(3);
        assertThat(related.get(1).get("id").asInt()).isEqualTo(1);
        assertThat(related.get(1).at("/physicalLocation/artifactLocation/uri").asText()).isEqualTo(SampleReports.PUBLISHER);
        assertThat(related.get(1).at("/physicalLocation/region/startLine").asInt()).isEqualTo(13);
        assertThat(related.get(1).at("/physicalLocation/region/startColumn").asInt()).isEqualTo(9);
        assertThat(related.get(1).at("/message/text").asText()).isEqualTo("publishes to Kafka (kafkaTemplate.send())");
        assertThat(related.get(2).at("/message/text").asText()).isEqualTo("writes the database (jdbcTemplate.update())");
        JsonNode flows = result.get("codeFlows");
        assertThat(flows).hasSize(2);
        JsonNode steps = flows.at("/0/threadFlows/0/locations");
        assertThat(steps).hasSize(2);
        assertThat(steps.at("/0/location/message/text").asText()).isEqualTo("calls PaymentPublisher#publish");
        assertThat(steps.at("/0/location/physicalLocation/region/startLine").asInt()).isEqualTo(18);
        assertThat(steps.at("/1/location/physicalLocation/artifactLocation/uri").asText()).isEqualTo(SampleReports.PUBLISHER);
        assertThat(flows.at("/1/threadFlows/0/locations")).hasSize(1);
        JsonNode single = mapper.readTree(sarif).at("/runs/0/results/0");
        assertThat(single.has("relatedLocations")).isFalse();
        assertThat(single.has("codeFlows")).isFalse();
        assertThat(single.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(1);
        JsonNode unknownColumn = mapper.readTree(new SarifReporter().render(report(List.of(ASSERT_IMPORT), 1, 0)))
                .at("/runs/0/results/0/locations/0/physicalLocation/region");
        assertThat(unknownColumn.has("startColumn")).isFalse();
    }

    @Test
    void aNoticeIsAToolExecutionNotificationOfAValidRun() throws Exception {
        String sarif = new SarifReporter().render(SampleReports.several().withNotices(List.of("Layering rules were not run")));

        assertThat(validate(sarif)).isEmpty();
        JsonNode notification = mapper.readTree(sarif).at("/runs/0/invocations/0/toolExecutionNotifications/0");
        assertThat(notification.at("/message/text").asText()).isEqualTo("Layering rules were not run");
        assertThat(notification.get("level").asText()).isEqualTo("note");
        assertThat(new SarifReporter().render(SampleReports.several())).doesNotContain("invocations");
    }

    @Test
    void anEmptyReportIsValidSarif() throws Exception {
        String sarif = new SarifReporter().render(SampleReports.empty());

        assertThat(validate(sarif)).isEmpty();
        JsonNode run = mapper.readTree(sarif).at("/runs/0");
        assertThat(run.at("/results").isArray()).isTrue();
        assertThat(run.at("/results")).isEmpty();
        assertThat(run.at("/tool/driver/rules")).isEmpty();
    }

    @Test
    void theValidationCatchesAnInvalidDocument() throws Exception {
        String sarif = new SarifReporter().render(SampleReports.several()).replace("\"level\": \"note\"", "\"level\": \"info\"");

        assertThat(validate(sarif)).isNotEmpty();
    }

    @Test
    void carriesTheTopLevelFieldsGitHubCodeScanningNeeds() throws Exception {
        JsonNode sarif = mapper.readTree(new SarifReporter().render(SampleReports.several()));

        assertThat(sarif.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("runs")).hasSize(1);
        JsonNode driver = sarif.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("Tenet");
        assertThat(driver.get("version").asText()).isEqualTo("9.9.9");
        assertThat(ids(driver.get("rules"))).containsExactly(DOMAIN_RULE, TEAM_RULE, PARSE_RULE);
    }

    @Test
    void eachResultPointsAtItsRuleWithARelativeLocationAndAFingerprint() throws Exception {
        JsonNode sarif = mapper.readTree(new SarifReporter().render(SampleReports.several()));
        JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
        JsonNode results = sarif.at("/runs/0/results");

        assertThat(results).hasSize(4);
        for (JsonNode result : results) {
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(result.get("ruleId").asText());
            assertThat(result.at("/message/text").asText()).isNotBlank();
            JsonNode location = result.at("/locations/0/physicalLocation");
            assertThat(location.at("/artifactLocation/uri").asText()).startsWith("src/main/java/com/acme/learning/");
            assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
            assertThat(location.at("/region/startLine").asInt()).isPositive();
            assertThat(result.at("/partialFingerprints/tenet~1v1").asText()).isNotBlank();
        }
        JsonNode userId = results.get(3);
        assertThat(userId.get("ruleId").asText()).isEqualTo(DOMAIN_RULE);
        assertThat(userId.get("level").asText()).isEqualTo("warning");
        assertThat(userId.at("/message/text").asText()).isEqualTo(ASSERT_IMPORT.message() + " Fix: " + ASSERT_IMPORT.fixHint());
        assertThat(userId.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo(ASSERT_IMPORT.file());
        assertThat(userId.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(12);
        assertThat(userId.at("/locations/0/physicalLocation/region/endLine").asInt()).isEqualTo(14);
        assertThat(userId.at("/partialFingerprints/tenet~1v1").asText()).isEqualTo(ASSERT_IMPORT.fingerprint());
    }

    @Test
    void describesEachRuleFromTheCatalog() throws Exception {
        Rule rule = SampleReports.CATALOG.find(DOMAIN_RULE).orElseThrow();
        JsonNode sarif = mapper.readTree(new SarifReporter().render(report(List.of(ENTITY_IMPORT), 10, 0)));

        JsonNode descriptor = sarif.at("/runs/0/tool/driver/rules/0");
        assertThat(descriptor.get("id").asText()).isEqualTo(DOMAIN_RULE);
        assertThat(descriptor.get("name").asText()).isEqualTo("LayeringDomainNoFramework");
        assertThat(descriptor.at("/shortDescription/text").asText()).isEqualTo(rule.summary());
        String why = rule.body().section(RuleBody.WHY).orElseThrow();
        assertThat(descriptor.at("/fullDescription/markdown").asText()).isEqualTo(why);
        assertThat(descriptor.at("/fullDescription/text").asText()).isEqualTo(why.replace('\n', ' '));
        String howToFix = rule.body().section(RuleBody.HOW_TO_FIX).orElseThrow();
        assertThat(descriptor.at("/help/markdown").asText()).isEqualTo(howToFix);
        assertThat(descriptor.at("/help/text").asText()).isEqualTo(howToFix.replace('\n', ' '));
        assertThat(descriptor.at("/defaultConfiguration/level").asText()).as("info maps to SARIF note").isEqualTo("note");
        List<String> tags = new ArrayList<>();
        descriptor.at("/properties/tags").forEach(tag -> tags.add(tag.asText()));
        assertThat(tags).isEqualTo(rule.tags());
    }

    @Test
    void mapsSeveritiesToSarifLevels() throws Exception {
        JsonNode results = mapper.readTree(new SarifReporter().render(SampleReports.several())).at("/runs/0/results");

        List<String> levels = new ArrayList<>();
        results.forEach(result -> levels.add(result.get("level").asText()));
        assertThat(levels).containsExactly("error", "note", "error", "warning");
        assertThat(results.get(1).at("/message/text").asText()).isEqualTo(LEGACY_CLIENT.message());
    }

    @Test
    void aRuleMissingFromTheCatalogStillGetsADescriptor() throws Exception {
        JsonNode descriptor = mapper.readTree(new SarifReporter().render(report(List.of(LEGACY_CLIENT), 1, 0)))
                .at("/runs/0/tool/driver/rules/0");

        assertThat(descriptor.get("id").asText()).isEqualTo(TEAM_RULE);
        assertThat(descriptor.at("/shortDescription/text").asText()).isEqualTo(TEAM_RULE);
    }

    @Test
    void escapesPathsIntoRelativeUriReferences() throws Exception {
        Finding odd = new Finding(DOMAIN_RULE, Severity.ERROR, "src/main/java/My Dir/Café#1.java", 1, 1, "Odd.", "", "ab");
        String sarif = new SarifReporter().render(report(List.of(odd), 1, 0));

        assertThat(mapper.readTree(sarif).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("src/main/java/My%20Dir/Caf%C3%A9%231.java");
        assertThat(SarifReporter.relativeUri("a:b/C.java")).isEqualTo("./a:b/C.java");
        assertThat(validate(sarif)).isEmpty();
    }

    @Test
    void plainTextJoinsWrappedLinesButKeepsParagraphsListsAndCode() {
        assertThat(SarifRules.unwrap("one\ntwo\n\nthree\n- a\n- b")).isEqualTo("one two\n\nthree\n- a\n- b");
        assertThat(SarifRules.unwrap("Do:\n```java\nint a;\n```")).isEqualTo("Do:\n```java\nint a;\n```");
    }

    private Set<ValidationMessage> validate(String sarif) throws IOException {
        return SARIF_SCHEMA.validate(mapper.readTree(sarif));
    }

    private static List<String> ids(JsonNode rules) {
        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.get("id").asText()));
        return ids;
    }

    private static JsonSchema loadSchema() {
        try (InputStream in = SarifReporterTests.class.getResourceAsStream("/sarif/sarif-schema-2.1.0-rtm.5.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
