package com.example.learning.adapter.out.persistence;

import com.example.learning.config.RetentionProperties;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a table's rows older than its retention, oldest first, in batches of {@code pipeline.retention.batch-size}:
 * each batch is its own short transaction, so the purge never holds many row locks or a long one against the
 * consumers writing the table. Age is judged by the database's clock.
 */
@Component
public class RetentionPurge {
    private static final String BATCH_SQL = "DELETE FROM %1$s WHERE %2$s < TIMESTAMPADD(MICROSECOND, -?, UTC_TIMESTAMP(6)) ORDER BY %2$s LIMIT ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int batchSize;

    public RetentionPurge(JdbcTemplate jdbc, TransactionTemplate transaction, RetentionProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.batchSize = properties.batchSize();
    }

    /** Purges until a batch comes back short or the thread is interrupted (shutdown); returns the rows deleted. */
    public long purge(RetainedTable table) {
        String sql = BATCH_SQL.formatted(table.table(), table.timeColumn());
        long retentionMicros = table.retention().truncatedTo(ChronoUnit.MICROS).toNanos() / 1_000;
        long deleted = 0;
        int batch;
        do {
            Integer rows = transaction.execute(status -> jdbc.update(sql, retentionMicros, batchSize));
            batch = rows == null ? 0 : rows;
            deleted += batch;
        } while (batch == batchSize && !Thread.currentThread().isInterrupted());
        return deleted;
    }
}
