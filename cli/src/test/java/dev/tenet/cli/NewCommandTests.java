package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTests {
    static final Path SPEC = Path.of("..", "samples", "learning-progress.yaml");

    @Test
    void dryRunPrintsTheTreeAndWritesNothing(@TempDir Path temp) {
        Path out = temp.resolve("svc");
        Cli.Result result = Cli.run("new", "--spec", SPEC.toString(), "--out", out.toString(), "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("svc/\n", "  pom.xml\n", "LectureWatchedListener.java", "V2__lecture_watched.sql",
                "(dry run: nothing written)");
        assertThat(out).doesNotExist();
    }

    @Test
    void generatesTheServiceFromASpec(@TempDir Path temp) {
        Path out = temp.resolve("svc");
        Cli.Result result = Cli.run("new", "--spec", SPEC.toString(), "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Generated learning-progress (mysql");
        assertThat(out.resolve("pom.xml")).exists();
        assertThat(out.resolve(".tenet/generated.json")).exists();
        assertThat(Files.isExecutable(out.resolve("mvnw"))).isTrue();
    }

    @Test
    void generatesAServiceFromFlags(@TempDir Path temp) {
        Path out = temp.resolve("flags");
        Cli.Result result = Cli.run("new", "--service", "points", "--package", "org.acme.points", "--database", "postgres",
                "--aggregate", "Balance", "--total", "points", "--topic", "points.earned", "--event", "PointsEarned",
                "--amount", "points", "--field", "eventId:string", "--field", "userId:string", "--field", "points:long",
                "--publish-topic", "points.balance-changed", "--publish-event", "BalanceChanged", "--out", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(out.resolve("src/main/java/org/acme/points/adapter/in/kafka/PointsEarnedListener.java")).exists();
        assertThat(out.resolve("src/main/resources/db/migration/V2__points_earned.sql")).content().contains("BIGINT");
    }

    @Test
    void aNonEmptyTargetIsRefusedWithExitTwo(@TempDir Path temp) throws Exception {
        Files.writeString(temp.resolve("keep.txt"), "mine");
        Cli.Result result = Cli.run("new", "--spec", SPEC.toString(), "--out", temp.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("not empty");
        assertThat(Files.readString(temp.resolve("keep.txt"))).isEqualTo("mine");
        try (var files = Files.list(temp)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aBadSpecNamesTheFileLineAndFieldWithExitTwo(@TempDir Path temp) throws Exception {
        Path spec = temp.resolve("bad.yaml");
        Files.writeString(spec, Files.readString(SPEC).replace("database: mysql", "database: oracle"));
        Cli.Result result = Cli.run("new", "--spec", spec.toString(), "--out", temp.resolve("out").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("bad.yaml:6:", "'database' is 'oracle' (expected mysql or postgres)");
        assertThat(temp.resolve("out")).doesNotExist();
    }
}
