package dev.tenet.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.scaffold.generate.GeneratedFiles;
import dev.tenet.scaffold.generate.ServiceGenerator;
import dev.tenet.scaffold.spec.Database;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.Relay;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The generated alert rules, their unit tests, runbook and Grafana dashboard, for the sample and for a service with
 * every optional feature and with the CDC relay on MySQL/MariaDB and on PostgreSQL: promtool accepts the rules and their tests pass; every runbook link has its section; the
 * dashboard is JSON; and every {@code pipeline_} metric either uses is one the generated code registers.
 */
class OperationsFilesTests {
    private static final String ALERTS = "ops/prometheus/alerts.yaml";
    private static final String ALERT_TESTS = "ops/prometheus/alerts.test.yaml";
    private static final String DASHBOARD = "ops/grafana/dashboard.json";
    private static final Pattern PIPELINE_METRIC = Pattern.compile("\\bpipeline_[a-z_]+");
    private static final Pattern METER_NAME = Pattern.compile("\"(pipeline(?:\\.[a-z]+)+)\"");

    private static List<PipelineSpec> specs() throws IOException {
        PipelineSpec sample = SampleRegenerationTests.sampleSpec();
        // With the CDC relay on either database: its lag alert, runbook section and gauge.
        return List.of(sample, Specs.fullFeatured(), sample.withDatabase(Database.MYSQL).withRelay(Relay.DEBEZIUM),
                sample.withDatabase(Database.POSTGRES).withRelay(Relay.DEBEZIUM));
    }

    private static String text(GeneratedFiles files, String path) {
        byte[] content = files.files().get(path);
        assertThat(content).as(path).isNotNull();
        return new String(content, StandardCharsets.UTF_8);
    }

    @Test
    void promtoolAcceptsTheAlertRulesAndTheirUnitTestsPass(@TempDir Path temp) throws Exception {
        assumeTrue(promtoolOnPath(), "promtool is not on the PATH (Debian: apt-get install prometheus); the alert rules are not checked");
        for (PipelineSpec spec : specs()) {
            GeneratedFiles files = new ServiceGenerator().generate(spec);
            Path dir = Files.createDirectories(temp.resolve(spec.service()));
            Files.writeString(dir.resolve("alerts.yaml"), text(files, ALERTS));
            Files.writeString(dir.resolve("alerts.test.yaml"), text(files, ALERT_TESTS));

            assertThat(promtool(dir, "check", "rules", "alerts.yaml")).as(spec.service()).contains("SUCCESS");
            assertThat(promtool(dir, "test", "rules", "alerts.test.yaml")).as(spec.service()).contains("SUCCESS");
        }
    }

    @Test
    void everyAlertHasASeverityAndARunbookSectionThatExists() throws Exception {
        for (PipelineSpec spec : specs()) {
            GeneratedFiles files = new ServiceGenerator().generate(spec);
            Set<String> sections = new TreeSet<>();
            text(files, "RUNBOOK.md").lines().filter(line -> line.startsWith("## ")).map(OperationsFilesTests::anchor).forEach(sections::add);

            List<Map<String, Object>> rules = rules(text(files, ALERTS));
            assertThat(rules).as(spec.service()).hasSizeGreaterThanOrEqualTo(5);
            for (Map<String, Object> rule : rules) {
                @SuppressWarnings("unchecked")
                Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
                @SuppressWarnings("unchecked")
                Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
                assertThat(labels).as(rule.get("alert").toString()).containsKeys("severity", "service");
                assertThat(annotations.get("runbook").toString()).as(rule.get("alert").toString())
                        .startsWith("RUNBOOK.md#").satisfies(link -> assertThat(sections).contains(link.substring("RUNBOOK.md#".length())));
            }
        }
    }

    @Test
    void theDashboardIsJsonAndEveryPipelineMetricItAndTheAlertsUseIsOneTheServiceRegisters() throws Exception {
        for (PipelineSpec spec : specs()) {
            GeneratedFiles files = new ServiceGenerator().generate(spec);
            JsonNode dashboard = new ObjectMapper().readTree(text(files, DASHBOARD));
            List<String> expressions = new ArrayList<>();
            dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(target -> expressions.add(target.get("expr").asText())));
            assertThat(expressions).as(spec.service()).hasSizeGreaterThanOrEqualTo(7)
                    .anyMatch(e -> e.contains("kafka_consumergroup_lag")).anyMatch(e -> e.contains("pipeline_outbox_backlog"));

            Set<String> registered = registeredMeters(files);
            Set<String> used = new TreeSet<>(pipelineMetrics(text(files, ALERTS)));
            used.addAll(pipelineMetrics(String.join("\n", expressions)));
            assertThat(used).as(spec.service()).contains("pipeline_dead_letters_total", "pipeline_outbox_oldest_age_seconds")
                    .allSatisfy(metric -> assertThat(registered).contains(meterName(metric)));
        }
    }

    @Test
    void aPartnerAddsItsCircuitBreakerToTheAlertsAndTheDashboard() throws Exception {
        GeneratedFiles withPartner = new ServiceGenerator().generate(Specs.fullFeatured());
        GeneratedFiles without = new ServiceGenerator().generate(SampleRegenerationTests.sampleSpec());

        assertThat(text(withPartner, ALERTS)).contains("resilience4j_circuitbreaker_state{");
        assertThat(text(withPartner, DASHBOARD)).contains("resilience4j_circuitbreaker_state{");
        assertThat(text(without, ALERTS)).doesNotContain("resilience4j");
        assertThat(text(without, DASHBOARD)).doesNotContain("resilience4j");
    }

    /** Micrometer's name for a Prometheus metric: without the counter's {@code _total} or the unit's {@code _seconds}. */
    private static String meterName(String prometheusName) {
        return prometheusName.replaceFirst("_total$", "").replaceFirst("_seconds$", "").replace('_', '.');
    }

    private static Set<String> registeredMeters(GeneratedFiles files) {
        Set<String> names = new TreeSet<>();
        files.files().forEach((path, content) -> {
            if (path.startsWith("src/main/java/")) {
                Matcher meter = METER_NAME.matcher(new String(content, StandardCharsets.UTF_8));
                while (meter.find()) {
                    names.add(meter.group(1));
                }
            }
        });
        return names;
    }

    private static Set<String> pipelineMetrics(String text) {
        Set<String> found = new TreeSet<>();
        Matcher names = PIPELINE_METRIC.matcher(text);
        while (names.find()) {
            found.add(names.group());
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(String alertsYaml) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(alertsYaml);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    /** GitHub's anchor for a Markdown heading. */
    private static String anchor(String heading) {
        return heading.substring(3).trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    private static boolean promtoolOnPath() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "promtool")));
    }

    private static String promtool(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
