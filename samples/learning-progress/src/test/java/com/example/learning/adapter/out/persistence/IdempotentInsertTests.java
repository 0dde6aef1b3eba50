package com.example.learning.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.learning.IntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dedup insert against the real MariaDB/MySQL, on a table of its own: it returns exactly the ids it stored now,
 * in order, and leaves out ids stored before or repeated in the batch, whichever way the rows reach the server
 * (MariaDB's bulk command, or MySQL's multi-row statement, which runs on MariaDB too).
 */
@ExtendWith(OutputCaptureExtension.class)
class IdempotentInsertTests extends IntegrationTest {
    private static final String TABLE = "idempotent_insert_probe";

    @Autowired
    private TransactionTemplate transaction;

    private record Probe(String id, String note) {
    }

    @BeforeEach
    void createTable() {
        dropTable();
        transaction.executeWithoutResult(status -> jdbc.execute("CREATE TABLE " + TABLE
                + " (event_id VARCHAR(100) NOT NULL PRIMARY KEY, note VARCHAR(100) NOT NULL, claim_token BIGINT NOT NULL DEFAULT 0)"));
    }

    @AfterEach
    void dropTable() {
        transaction.executeWithoutResult(status -> jdbc.execute("DROP TABLE IF EXISTS " + TABLE));
    }

    @ParameterizedTest
    @EnumSource(IdempotentInsert.Rows.class)
    void newIdsAreAllStoredAndReturnedInOrder(IdempotentInsert.Rows rows) {
        IdempotentInsert<Probe> insert = insert(rows);
        assertThat(store(insert, probes("a", "b", "c"))).containsExactly("a", "b", "c");
        assertThat(jdbc.queryForList("SELECT event_id FROM " + TABLE + " ORDER BY event_id", String.class)).containsExactly("a", "b", "c");
    }

    @ParameterizedTest
    @EnumSource(IdempotentInsert.Rows.class)
    void idsStoredBeforeOrRepeatedInTheBatchAreLeftOut(IdempotentInsert.Rows rows) {
        IdempotentInsert<Probe> insert = insert(rows);
        store(insert, probes("a", "b"));
        List<Probe> redelivery = List.of(new Probe("b", "again"), new Probe("c", "first"), new Probe("c", "second"), new Probe("d", "first"),
                new Probe("a", "again"));

        assertThat(store(insert, redelivery)).containsExactly("c", "d");
        assertThat(jdbc.queryForList("SELECT note FROM " + TABLE + " ORDER BY event_id", String.class))
                .as("a row stored before keeps its values; a repeated id is stored with its first values")
                .containsExactly("a", "b", "first", "first");
    }

    @ParameterizedTest
    @EnumSource(IdempotentInsert.Rows.class)
    void aBatchOfMoreRowsThanOneStatementTakesIsStoredWholeAndCountedRight(IdempotentInsert.Rows rows) {
        IdempotentInsert<Probe> insert = insert(rows);
        store(insert, probes("id-1700"));
        List<String> ids = IntStream.range(0, 2500).mapToObj(i -> "id-" + i).toList();

        Set<String> stored = store(insert, ids.stream().map(id -> new Probe(id, id)).toList());

        assertThat(stored).hasSize(2499).doesNotContain("id-1700");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE, Long.class)).isEqualTo(2500);
    }

    @Test
    void onMariaDbABatchGoesAsOneBulkCommandCountedWhole(CapturedOutput output) {
        IdempotentInsert<Probe> insert = insert(null);

        assertThat(store(insert, probes("a", "b", "c"))).containsExactly("a", "b", "c");
        assertThat(insert.rows()).isEqualTo(IdempotentInsert.Rows.BULK);
        assertThat(output).doesNotContain("Add useBulkStmts=true to the JDBC URL");
    }

    @Test
    void aPoolWithoutBulkCommandsStillStoresRightAndIsToldWhatToAdd(CapturedOutput output) {
        String pooled = environment.getRequiredProperty("spring.datasource.url");
        String url = pooled.contains("useBulkStmts=") ? pooled.replaceAll("useBulkStmts=\\w+", "useBulkStmts=false")
                : pooled + (pooled.contains("?") ? "&" : "?") + "useBulkStmts=false";
        SingleConnectionDataSource rowByRow = new SingleConnectionDataSource(url, environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""), true);
        try {
            IdempotentInsert<Probe> insert = new IdempotentInsert<>(new JdbcTemplate(rowByRow), TABLE, "event_id", List.of("event_id", "note"),
                    Probe::id, p -> new Object[] {p.id(), p.note()});

            assertThat(insert.insertNew(probes("a", "b", "c"))).containsExactly("a", "b", "c");
            assertThat(insert.insertNew(probes("c", "d"))).containsExactly("d");
            assertThat(output).containsOnlyOnce("Add useBulkStmts=true to the JDBC URL");
        } finally {
            rowByRow.destroy();
        }
    }

    private Set<String> store(IdempotentInsert<Probe> insert, List<Probe> probes) {
        return transaction.execute(status -> insert.insertNew(probes));
    }

    private static List<Probe> probes(String... ids) {
        return Stream.of(ids).map(id -> new Probe(id, id)).toList();
    }

    private IdempotentInsert<Probe> insert(IdempotentInsert.Rows rows) {
        return new IdempotentInsert<>(jdbc, TABLE, "event_id", List.of("event_id", "note"), Probe::id, p -> new Object[] {p.id(), p.note()}, rows);
    }
}
