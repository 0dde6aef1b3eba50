package dev.tenet.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.scaffold.spec.Database;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.Relay;
import dev.tenet.scaffold.spec.SpecParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code add consumer} on a service generated before the per-transaction outbox row and before the events tables
 * were the dedup record: its new migration moves the messages waiting in {@code outbox_message} into
 * {@code outbox_batch}, in order and in the format the relay reads, drops the old table, and gives every events table
 * the {@code claim_token} column, keeping the events stored before. Run by Flyway on the machine's MariaDB and
 * PostgreSQL; skipped, saying why, without them.
 */
class OutboxBatchUpgradeTests {
    private static final String MIGRATIONS = "src/main/resources/db/migration/";
    private static final String V1 = MIGRATIONS + "V1__baseline.sql";
    private static final String PUBLISHED = "learning.progress-updated";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Waiting(String eventId, String key, String payload, String traceparent) {
    }

    @Test
    void theMessagesWaitingInAnOldServicesOutboxAreMovedInOrderOnMariaDb(@TempDir Path temp) throws Exception {
        movesTheWaitingMessages(temp, Database.MYSQL, "jdbc:mariadb://127.0.0.1:3306/", "root");
    }

    @Test
    void theMessagesWaitingInAnOldServicesOutboxAreMovedInOrderOnPostgres(@TempDir Path temp) throws Exception {
        movesTheWaitingMessages(temp, Database.POSTGRES, "jdbc:postgresql://127.0.0.1:5432/", "postgres");
    }

    @Test
    void aServiceWithTheNewOutboxOrTheCdcRelayGetsNoMove(@TempDir Path temp) throws Exception {
        PipelineSpec spec = SampleRegenerationTests.sampleSpec();
        Path current = temp.resolve("current");
        new Scaffolder().generate(spec, current);
        Path cdc = temp.resolve("cdc");
        new Scaffolder().generate(spec.withRelay(Relay.DEBEZIUM), cdc);

        assertThat(new Scaffolder().addConsumer(current, CourseCompletedConsumer.addedTo(spec), false, true).outboxMovedBy()).isEmpty();
        assertThat(new Scaffolder().addConsumer(cdc, CourseCompletedConsumer.addedTo(spec.withRelay(Relay.DEBEZIUM)), false, true).outboxMovedBy()).isEmpty();
    }

    private void movesTheWaitingMessages(Path temp, Database database, String serverUrl, String user) throws Exception {
        String name = "tenet_upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String adminUrl = serverUrl + (database == Database.MYSQL ? "test" : "postgres");
        try (Connection admin = connectOrSkip(adminUrl, user); Statement ddl = admin.createStatement()) {
            ddl.execute("CREATE DATABASE " + name);
        }
        String url = serverUrl + name;
        try {
            PipelineSpec spec = SampleRegenerationTests.sampleSpec().withDatabase(database);
            Path service = oldService(temp, spec);
            migrate(service, url, user);
            List<Waiting> waiting = waitingMessages();
            try (Connection db = DriverManager.getConnection(url, user, ""); Statement insert = db.createStatement()) {
                insertOldRows(db, waiting, spec.partitions());
                insert.executeUpdate("INSERT INTO lecture_watched (event_id, user_id, lecture_id, minutes, watched_at) "
                        + "VALUES ('stored-before', 'user-1', 'lecture-1', 5, CURRENT_TIMESTAMP)");
            }

            Scaffolder.AddResult result = new Scaffolder().addConsumer(service, CourseCompletedConsumer.addedTo(spec), false, false);
            String newMigration = MIGRATIONS + "V5__course_completed.sql";
            assertThat(result.outboxMovedBy()).contains(newMigration);
            assertThat(result.claimAddedTo()).containsExactly("lecture_watched", "quiz_submitted", "attendance_verified");
            assertThat(Files.readString(service.resolve(newMigration))).contains("CREATE TABLE outbox_batch")
                    .containsOnlyOnce("CREATE INDEX outbox_batch_shard_id").contains("CREATE TABLE course_completed");
            migrate(service, url, user);

            try (Connection db = DriverManager.getConnection(url, user, "")) {
                assertThat(tableExists(db, "outbox_message")).isFalse();
                assertThat(tableExists(db, "outbox_message_moving")).isFalse();
                assertThat(movedMessages(db, spec.partitions())).containsExactlyElementsOf(waiting);
                try (Statement query = db.createStatement();
                        ResultSet stored = query.executeQuery("SELECT event_id, minutes, claim_token FROM lecture_watched")) {
                    assertThat(stored.next()).isTrue();
                    assertThat(List.of(stored.getString(1), stored.getInt(2), stored.getLong(3))).containsExactly("stored-before", 5, 0L);
                    assertThat(stored.next()).isFalse();
                }
                for (String table : List.of("quiz_submitted", "attendance_verified", "course_completed")) {
                    try (ResultSet column = db.getMetaData().getColumns(db.getCatalog(), null, table, "claim_token")) {
                        assertThat(column.next()).as(table + ".claim_token").isTrue();
                    }
                }
            }
            assertThat(new Scaffolder().addConsumer(service, SpecParser.parseConsumer("""
                    topic: learning.badge-earned
                    event: BadgeEarned
                    amount: bonusMinutes
                    fields:
                      eventId: string
                      userId: string
                      bonusMinutes: long
                    """, "second.yaml", Scaffolder.recordedSpec(service)), false, true).outboxMovedBy())
                    .as("a second add finds the outbox moved").isEmpty();
        } finally {
            try (Connection admin = DriverManager.getConnection(adminUrl, user, ""); Statement ddl = admin.createStatement()) {
                ddl.execute("DROP DATABASE IF EXISTS " + name + (database == Database.POSTGRES ? " WITH (FORCE)" : ""));
            }
        }
    }

    /**
     * The sample as Tenet generated it before outbox_batch and claim_token: its baseline created outbox_message, as the
     * CDC relay's still does, and its events tables had no claim_token.
     */
    private static Path oldService(Path temp, PipelineSpec spec) throws Exception {
        Path service = temp.resolve("old-service");
        Scaffolder scaffolder = new Scaffolder();
        scaffolder.generate(spec, service);
        byte[] oldBaseline = scaffolder.plan(spec.withRelay(Relay.DEBEZIUM)).files().get(V1);
        assertThat(new String(oldBaseline, java.nio.charset.StandardCharsets.UTF_8)).contains("CREATE TABLE outbox_message");
        Files.write(service.resolve(V1), oldBaseline);
        try (var migrations = Files.list(service.resolve(MIGRATIONS))) {
            for (Path migration : migrations.filter(m -> !m.endsWith("V1__baseline.sql")).toList()) {
                String current = Files.readString(migration);
                String old = current.replaceAll(",\\n\\s*-- A random number[^\\n]*\\n\\s*claim_token BIGINT NOT NULL DEFAULT 0", "");
                assertThat(old).as(migration.getFileName().toString()).isNotEqualTo(current).doesNotContain("claim_token");
                Files.writeString(migration, old);
            }
        }
        return service;
    }

    /** Three keys' messages interleaved, payloads with quotes and non-ASCII text, some without a trace. */
    private static List<Waiting> waitingMessages() {
        List<Waiting> waiting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String key = "user-" + (i % 3);
            String payload = "{\"userId\":\"" + key + "\",\"trainingMinutes\":" + (i + 1) + ",\"note\":\"\\\"quoted\\\" é ü\"}";
            String trace = i % 2 == 0 ? "00-" + "%032x".formatted(i + 1) + "-" + "%016x".formatted(i + 1) + "-01" : null;
            waiting.add(new Waiting(UUID.randomUUID().toString(), key, payload, trace));
        }
        return waiting;
    }

    private static void insertOldRows(Connection db, List<Waiting> waiting, int shards) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO outbox_message (shard, event_id, topic, message_key, payload, traceparent) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Waiting w : waiting) {
                insert.setInt(1, Math.floorMod(w.key().hashCode(), shards));
                insert.setString(2, w.eventId());
                insert.setString(3, PUBLISHED);
                insert.setString(4, w.key());
                insert.setString(5, w.payload());
                insert.setString(6, w.traceparent());
                insert.executeUpdate();
            }
        }
        if (!db.getAutoCommit()) {
            db.commit();
        }
    }

    /** What the relay reads from outbox_batch, row by row in id order: every message with the shard and topic of its row. */
    private static List<Waiting> movedMessages(Connection db, int shards) throws Exception {
        List<Waiting> moved = new ArrayList<>();
        try (Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("SELECT shard, topic, message_count, messages FROM outbox_batch ORDER BY id")) {
            while (rows.next()) {
                JsonNode messages = JSON.readTree(rows.getString(4));
                assertThat(messages.size()).isEqualTo(rows.getInt(3));
                assertThat(rows.getString(2)).isEqualTo(PUBLISHED);
                for (JsonNode m : messages) {
                    Waiting w = new Waiting(m.get("eventId").asText(), m.get("key").asText(), m.get("payload").asText(),
                            m.get("traceparent").isNull() ? null : m.get("traceparent").asText());
                    assertThat(rows.getInt(1)).isEqualTo(Math.floorMod(w.key().hashCode(), shards));
                    moved.add(w);
                }
            }
        }
        return moved;
    }

    private static boolean tableExists(Connection db, String table) throws SQLException {
        try (ResultSet tables = db.getMetaData().getTables(db.getCatalog(), null, table, null)) {
            return tables.next();
        }
    }

    private static void migrate(Path service, String url, String user) {
        Flyway.configure().dataSource(url, user, "").locations("filesystem:" + service.resolve(MIGRATIONS)).load().migrate();
    }

    private static Connection connectOrSkip(String url, String user) {
        try {
            return DriverManager.getConnection(url, user, "");
        } catch (SQLException e) {
            Assumptions.abort("no database at " + url + " for the outbox upgrade's migration: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }
}
