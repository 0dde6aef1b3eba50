package dev.tenet.scaffold.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationUpgradeTests {
    private static final String V1 = "src/main/resources/db/migration/V1__baseline.sql";
    private static final String V2 = "src/main/resources/db/migration/V2__points_earned.sql";
    private static final String INDEX = "CREATE INDEX processed_event_processed_at ON processed_event (processed_at);";

    @Test
    void anIndexTheNewRenderingAddsToAKeptMigrationIsCarried() {
        Map<String, byte[]> rendered = Map.of(V1, bytes("CREATE TABLE processed_event (id INT);\n" + INDEX + "\n"));
        Map<String, byte[]> onDisk = Map.of(V1, bytes("CREATE TABLE processed_event (id INT);\n"));

        assertThat(MigrationUpgrade.missingStatements(List.of(V1), rendered, onDisk)).containsExactly(INDEX);
    }

    @Test
    void anIndexSomeMigrationAlreadyCreatesIsNotCarriedAgain() {
        Map<String, byte[]> rendered = Map.of(V1, bytes("CREATE TABLE processed_event (id INT);\n" + INDEX + "\n"));
        Map<String, byte[]> onDisk = Map.of(V1, bytes("CREATE TABLE processed_event (id INT);\n"), V2, bytes("-- carried\n" + INDEX + "\n"));

        assertThat(MigrationUpgrade.missingStatements(List.of(V1), rendered, onDisk)).isEmpty();
    }

    @Test
    void onlyIndexesAreCarriedNotChangedColumnsOrTables() {
        Map<String, byte[]> rendered = Map.of(V1, bytes("CREATE TABLE processed_event (at DATETIME(6)) DEFAULT CHARSET=utf8mb4;\n"));
        Map<String, byte[]> onDisk = Map.of(V1, bytes("CREATE TABLE processed_event (at TIMESTAMP(6));\n"));

        assertThat(MigrationUpgrade.missingStatements(List.of(V1), rendered, onDisk)).isEmpty();
    }

    @Test
    void carriedStatementsComeBeforeTheNewMigrationsOwn() {
        String upgraded = new String(MigrationUpgrade.prepend(List.of(INDEX), bytes("CREATE TABLE points_earned (id INT);\n")),
                StandardCharsets.UTF_8);

        assertThat(upgraded).startsWith("-- Carried").contains(INDEX + "\n\nCREATE TABLE points_earned").endsWith("(id INT);\n");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
