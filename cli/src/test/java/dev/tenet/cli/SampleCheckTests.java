package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, end to end: {@code tenet check} on the shipped sample reports exactly
 * the lines marked {@code // VIOLATION: rule-id} — one per machine-checked rule — and nothing in the
 * clean code around them.
 */
class SampleCheckTests {
    static final Path SAMPLE = Path.of("../samples/legacy-learning-service").toAbsolutePath().normalize();
    private static final Pattern MARK = Pattern.compile("//\\s*VIOLATION:\\s*([\\w.-]+)");

    @Test
    void reportsExactlyTheMarkedViolationsOfTheSample() throws IOException {
        Cli.Result result = Cli.run("check", SAMPLE.toString(), "--format", "json", "--no-cache");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        List<String> reported = new ArrayList<>();
        for (JsonNode finding : new ObjectMapper().readTree(result.out()).get("findings")) {
            reported.add(finding.get("ruleId").asText() + " @ " + finding.get("file").asText() + ":" + finding.get("startLine").asInt());
        }
        assertThat(reported).containsExactlyInAnyOrderElementsOf(markedViolations());
    }

    @Test
    void theSampleHasOneViolationOfEveryMachineCheckedRule() throws IOException {
        List<String> ruleIds = markedViolations().stream().map(m -> m.substring(0, m.indexOf(' '))).toList();
        List<String> checkedRules = RuleCatalog.builtin().all().stream().filter(Rule::hasCheck).map(Rule::id).toList();
        assertThat(ruleIds).containsExactlyInAnyOrderElementsOf(checkedRules);
    }

    @Test
    void textOutputStartsEachFindingWithAPathAnEditorOpensAndEndsWithASummary() {
        Cli.Result result = Cli.run("check", SAMPLE.toString(), "--no-cache", "--color", "never");

        assertThat(result.exitCode()).isEqualTo(1);
        String service = SAMPLE.resolve("src/main/java/com/acme/learning/application/ProgressService.java").toString();
        assertThat(result.out()).contains(service + ":27:9: error: This call publishes to Kafka")
                .contains("[pipeline.outbox-dual-write]")
                .contains("fix: ")
                .contains("    path:\n      " + service + ":27:9  calls ");
        assertThat(result.out().strip().lines().reduce((a, b) -> b).orElseThrow())
                .matches("\\d+ findings \\(\\d+ errors?, \\d+ warnings?(, \\d+ info)?\\) in \\d+ of \\d+ files");
        assertThat(result.out()).doesNotContain("\u001b[");
    }

    static List<String> markedViolations() throws IOException {
        List<String> marks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SAMPLE.resolve("src"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher mark = MARK.matcher(lines.get(i));
                    if (mark.find()) {
                        marks.add(mark.group(1) + " @ " + SAMPLE.relativize(file).toString().replace('\\', '/') + ":" + (i + 1));
                    }
                }
            }
        }
        return marks;
    }
}
