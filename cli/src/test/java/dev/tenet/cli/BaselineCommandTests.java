package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adopting Tenet on legacy code: record a baseline, then only new findings count. */
class BaselineCommandTests {
    @TempDir
    Path repo;

    private void write(String path, String content) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Cli.Result check() {
        return Cli.run("check", repo.toString(), "--no-cache", "--color", "never");
    }

    @Test
    void aBaselineHidesExistingFindingsAndNewOnesStillFail() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", CheckCommandTests.LISTENER);
        assertThat(check().exitCode()).isEqualTo(1);
        assertThat(Files.exists(repo.resolve(".tenet/baseline.json"))).as("check never writes a baseline").isFalse();

        Cli.Result baseline = Cli.run("baseline", repo.toString(), "--no-cache");
        assertThat(baseline.exitCode()).isZero();
        assertThat(baseline.out()).contains("Recorded 2 findings in").contains(".tenet/baseline.json");

        Cli.Result adopted = check();
        assertThat(adopted.exitCode()).isZero();
        assertThat(adopted.out()).contains("No new findings in 1 file; 2 baselined.");

        write("src/main/java/com/acme/learning/adapter/in/kafka/BadgeListener.java",
                CheckCommandTests.LISTENER.replace("QuizListener", "BadgeListener").replace("quiz", "badge"));
        Cli.Result regressed = check();
        assertThat(regressed.exitCode()).isEqualTo(1);
        assertThat(regressed.out()).contains("BadgeListener.java").doesNotContain("QuizListener.java");
    }

    @Test
    void aBaselinedFindingStillMatchesAfterUnrelatedLinesMoveIt() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", CheckCommandTests.LISTENER);
        Cli.run("baseline", repo.toString(), "--no-cache");
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", CheckCommandTests.LISTENER
                .replace("public class QuizListener {", "/** Quiz scores. */\n\n\npublic class QuizListener {"));
        assertThat(check().exitCode()).isZero();
    }

    @Test
    void fixedFindingsDropOutWhenTheBaselineIsRewritten() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", CheckCommandTests.LISTENER);
        Cli.run("baseline", repo.toString(), "--no-cache");
        Files.delete(repo.resolve("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java"));
        write("src/main/java/com/acme/learning/domain/TrainingMinutes.java", CheckCommandTests.CLEAN);

        Cli.Result rewritten = Cli.run("baseline", repo.toString(), "--no-cache");
        assertThat(rewritten.out()).contains("Recorded 0 findings").contains("2 fixed findings dropped");
        assertThat(Files.readString(repo.resolve(".tenet/baseline.json"))).doesNotContain("QuizListener");
    }

    @Test
    void noBaselineReportsEverything() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", CheckCommandTests.LISTENER);
        Cli.run("baseline", repo.toString(), "--no-cache");
        assertThat(Cli.run("check", repo.toString(), "--no-cache", "--no-baseline").exitCode()).isEqualTo(1);
    }

    @Test
    void aBaselineOfAMissingFolderFailsAndCreatesNothing() {
        Path missing = repo.resolve("services/progress");
        Cli.Result result = Cli.run("baseline", missing.toString(), "--no-cache");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("services/progress").contains("no such file or directory");
        assertThat(repo.resolve("services")).doesNotExist();
    }

    @Test
    void aBaselineOfASingleFileIsRefusedAndTheTreesBaselineIsKept() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", CheckCommandTests.LISTENER);
        write("src/main/java/com/acme/learning/domain/TrainingMinutes.java", CheckCommandTests.CLEAN);
        Cli.run("baseline", repo.toString(), "--no-cache");
        String recorded = Files.readString(repo.resolve(".tenet/baseline.json"));

        Cli.Result result = Cli.run("baseline", repo.resolve("src/main/java/com/acme/learning/domain/TrainingMinutes.java").toString(),
                "--no-cache");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("TrainingMinutes.java").contains("give a directory");
        assertThat(Files.readString(repo.resolve(".tenet/baseline.json"))).isEqualTo(recorded);
    }

    @Test
    void aFileThatDoesNotParseIsNeverBaselined() throws IOException {
        write("src/main/java/com/acme/learning/adapter/in/kafka/QuizListener.java", CheckCommandTests.LISTENER);
        write("src/main/java/com/acme/Broken.java", "class Broken {\n  void m( {\n}\n");

        Cli.Result baseline = Cli.run("baseline", repo.toString(), "--no-cache");
        assertThat(baseline.out()).contains("Recorded 2 findings");
        assertThat(Files.readString(repo.resolve(".tenet/baseline.json"))).doesNotContain("Broken.java");

        Cli.Result result = check();
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("Broken.java").contains("tenet.parse-error").contains("2 baselined");
    }

    @Test
    void aMalformedBaselineIsAUsageErrorNamingTheFile() throws IOException {
        write("src/main/java/com/acme/learning/domain/TrainingMinutes.java", CheckCommandTests.CLEAN);
        write(".tenet/baseline.json", "{\"version\": 1, \"findings\": [ {\"ruleId\": 3} ]}");
        Cli.Result result = check();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("baseline.json");
    }
}
