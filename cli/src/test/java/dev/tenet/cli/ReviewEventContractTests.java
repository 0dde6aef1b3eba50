package dev.tenet.cli;

import static dev.tenet.cli.ReviewLocalTests.findings;
import static dev.tenet.cli.ReviewLocalTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated sample service in a git repository: a change to its published event that its committed
 * schema's consumers cannot read is reported by {@code tenet review} on the changed line and by
 * {@code tenet check}.
 */
class ReviewEventContractTests {
    static final Path SAMPLE = Path.of("../samples/learning-progress").toAbsolutePath().normalize();
    static final String EVENT = "src/main/java/com/example/learning/domain/ProgressUpdated.java";
    static final String RULE = "pipeline.event-schema-evolution";

    @TempDir
    Path dir;

    @Test
    void removingAFieldFromThePublishedEventIsReviewedOnThatLineAndFailsTheCheck() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            copySample();
            repo.commitAll("generated");
            String event = repo.read(EVENT);
            int header = lineOf(event, "public record ProgressUpdated(");
            repo.write(EVENT, event.replace(", String sourceTopic) {", ") {")
                    .replace("        Objects.requireNonNull(sourceTopic, \"sourceTopic\");\n", ""));

            Cli.Result review = Cli.run("review", dir.toString(), "--format", "json", "--no-cache");
            assertThat(review.exitCode()).as(review.err()).isEqualTo(1);
            assertThat(findings(review)).containsExactly(RULE + " " + EVENT + ":" + header);
            assertThat(json(review).path("findings").get(0).path("message").asText())
                    .contains("no longer has field 'sourceTopic'").contains("schemas/learning.progress-updated/v1.json").contains("FORWARD");

            Cli.Result check = Cli.run("check", dir.toString(), "--format", "json", "--no-cache");
            assertThat(check.exitCode()).as(check.err()).isEqualTo(1);
            assertThat(findings(check)).containsExactly(RULE + " " + EVENT + ":" + header);
        }
    }

    @Test
    void aNewSchemaVersionThatRetypesAFieldIsReviewedOnItsOwnLine() throws Exception {
        String v1 = "src/main/resources/schemas/learning.progress-updated/v1.json";
        String v2 = "src/main/resources/schemas/learning.progress-updated/v2.json";
        try (GitRepo repo = GitRepo.init(dir)) {
            copySample();
            repo.commitAll("generated");
            String schema = repo.read(v1);
            repo.write(v2, schema.replace("\"trainingMinutes\": {\"type\": \"integer\"", "\"trainingMinutes\": {\"type\": \"string\""));

            Cli.Result review = Cli.run("review", dir.toString(), "--format", "json", "--no-cache");
            assertThat(review.exitCode()).as(review.err()).isEqualTo(1);
            assertThat(findings(review)).containsExactly(RULE + " " + v2 + ":" + lineOf(schema, "\"trainingMinutes\""));
            assertThat(json(review).path("findings").get(0).path("message").asText()).contains("integer -> string").contains("FULL");
        }
    }

    @Test
    void anOptionalFieldAddedToThePublishedEventPassesTheCheck() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            copySample();
            repo.commitAll("generated");
            repo.write(EVENT, repo.read(EVENT).replace(", String sourceTopic) {", ", String sourceTopic, String source) {"));

            Cli.Result check = Cli.run("check", dir.toString(), "--format", "json", "--no-cache");
            assertThat(check.exitCode()).as(check.err()).isZero();
            assertThat(findings(check)).isEmpty();
        }
    }

    private void copySample() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            List<Path> all = files.filter(Files::isRegularFile).filter(f -> !SAMPLE.relativize(f).startsWith("target")).toList();
            for (Path file : all) {
                Path target = dir.resolve(SAMPLE.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + needle);
    }
}
