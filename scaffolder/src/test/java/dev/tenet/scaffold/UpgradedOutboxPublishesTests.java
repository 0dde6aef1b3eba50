package dev.tenet.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.scaffold.spec.Database;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.Relay;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, with the generated code: a polling service generated before {@code outbox_batch} has messages waiting
 * in {@code outbox_message}; {@code add consumer} gives it the move, and a test written into the service migrates a
 * database of its own to the old schema, leaves messages waiting, migrates on through the move and drains the
 * service's own relay: every waiting message reaches the topic, in order, with its event id. MariaDB and PostgreSQL.
 */
@EnabledIfSystemProperty(named = "tenet.e2e", matches = "true")
class UpgradedOutboxPublishesTests {
    private static final String V1 = "src/main/resources/db/migration/V1__baseline.sql";
    private static final long TIMEOUT_MINUTES = 8;

    @Test
    void messagesWaitingBeforeTheMoveArePublishedAfterItOnMariaDb(@TempDir Path temp) throws Exception {
        publishesAfterTheMove(temp, Database.MYSQL, 3306, "jdbc:mariadb://127.0.0.1:3306/test", "root", "");
    }

    @Test
    void messagesWaitingBeforeTheMoveArePublishedAfterItOnPostgres(@TempDir Path temp) throws Exception {
        publishesAfterTheMove(temp, Database.POSTGRES, 5432, "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", " WITH (FORCE)");
    }

    private static void publishesAfterTheMove(Path temp, Database database, int port, String adminUrl, String user, String dropOptions)
            throws Exception {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        } catch (IOException e) {
            Assumptions.abort("no database at 127.0.0.1:" + port + ": " + e.getMessage());
        }
        PipelineSpec spec = SampleRegenerationTests.sampleSpec().withDatabase(database);
        Path service = temp.resolve("old-service");
        Scaffolder scaffolder = new Scaffolder();
        scaffolder.generate(spec, service);
        // The baseline Tenet rendered before outbox_batch, as the CDC relay's still is.
        Files.write(service.resolve(V1), scaffolder.plan(spec.withRelay(Relay.DEBEZIUM)).files().get(V1));
        Scaffolder.AddResult added = scaffolder.addConsumer(service, CourseCompletedConsumer.addedTo(spec), false, false);
        assertThat(added.outboxMovedBy()).isPresent();
        Files.writeString(service.resolve("src/test/java/com/example/learning/UpgradedOutboxTests.java"),
                FIXTURE.replace("ADMIN_URL", adminUrl).replace("ADMIN_USER", user).replace("DROP_OPTIONS", dropOptions));

        Path log = service.resolve("build.log");
        Process build = new ProcessBuilder(service.resolve("mvnw").toString(), "-B", "-o", "test", "-Dtest=UpgradedOutboxTests")
                .directory(service.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = build.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            build.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log);
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        assertThat(finished).as("the build finished:\n" + tail).isTrue();
        assertThat(build.exitValue()).as("./mvnw test -Dtest=UpgradedOutboxTests:\n" + tail).isZero();
        assertThat(lines).anyMatch(l -> l.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0") && l.contains("UpgradedOutboxTests"));
    }

    private static final String FIXTURE = """
            package com.example.learning;

            import static org.assertj.core.api.Assertions.assertThat;

            import com.example.learning.adapter.out.outbox.OutboxHeaders;
            import com.example.learning.adapter.out.outbox.OutboxRelay;
            import com.example.learning.adapter.out.outbox.OutboxShards;
            import com.example.learning.adapter.out.outbox.OutboxTraces;
            import com.example.learning.config.PipelineProperties;
            import com.zaxxer.hikari.HikariDataSource;
            import java.nio.charset.StandardCharsets;
            import java.sql.Connection;
            import java.sql.DriverManager;
            import java.sql.Statement;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.UUID;
            import org.flywaydb.core.Flyway;
            import org.junit.jupiter.api.Test;
            import org.springframework.beans.factory.annotation.Autowired;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
            import org.springframework.jdbc.datasource.DataSourceTransactionManager;
            import org.springframework.transaction.support.TransactionTemplate;

            class UpgradedOutboxTests extends IntegrationTest {
                private static final String PUBLISHED = "learning.progress-updated";

                @Autowired
                OutboxTraces outboxTraces;
                @Autowired
                PipelineProperties properties;

                @Test
                void messagesWaitingInTheOldOutboxArePublishedInOrderAfterTheMove() throws Exception {
                    String name = "tenet_upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                    String url = TestDatabase.ensure(name);
                    try (HikariDataSource pool = new HikariDataSource()) {
                        pool.setJdbcUrl(url);
                        pool.setUsername(TestDatabase.user());
                        pool.setPassword(TestDatabase.password());
                        Flyway.configure().dataSource(pool).target("4").load().migrate();
                        JdbcTemplate db = new JdbcTemplate(pool);
                        String key = newKey();
                        List<String> ids = new ArrayList<>();
                        for (int i = 1; i <= 20; i++) {
                            String id = UUID.randomUUID().toString();
                            ids.add(id);
                            db.update("INSERT INTO outbox_message (shard, event_id, topic, message_key, payload, traceparent) VALUES (?, ?, ?, ?, ?, ?)",
                                    OutboxShards.of(key), id, PUBLISHED, key, "{\\"userId\\":\\"" + key + "\\",\\"trainingMinutes\\":" + i + "}",
                                    i % 2 == 0 ? null : "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
                        }
                        Flyway.configure().dataSource(pool).load().migrate();

                        OutboxRelay relay = new OutboxRelay(new NamedParameterJdbcTemplate(pool),
                                new TransactionTemplate(new DataSourceTransactionManager(pool)), kafka, properties, outboxTraces);
                        assertThat(relay.drain()).isEqualTo(20);

                        assertThat(db.queryForObject("SELECT COUNT(*) FROM outbox_batch", Long.class)).isZero();
                        assertThat(read(PUBLISHED, r -> key.equals(r.key()), 20))
                                .extracting(r -> new String(r.headers().lastHeader(OutboxHeaders.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8))
                                .containsExactlyElementsOf(ids);
                    } finally {
                        try (Connection admin = DriverManager.getConnection("ADMIN_URL", "ADMIN_USER", TestDatabase.password());
                                Statement drop = admin.createStatement()) {
                            drop.execute("DROP DATABASE IF EXISTS " + name + "DROP_OPTIONS");
                        }
                    }
                }
            }
            """;
}
