package com.example.learning;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Waits, before a timed window, until the database has finished the background work the warm-up left behind: after a
 * million rows written, deleted and truncated, InnoDB's page cleaner and purge threads otherwise keep working inside
 * the window and take CPU from whichever side is timed (the same code's window varied between 3.8 and 5.9 CPU-s).
 * Copied into a generated sample by scaffolder/bench/pipeline-throughput.sh with ThroughputBench.
 */
final class DatabaseQuiet {
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final long MAX_DIRTY_PAGES = 50;
    private static final long MAX_UNDO_HISTORY = 50;

    private DatabaseQuiet() {
    }

    /** Returns what was waited for and how long, to be printed with the figures. */
    static String await(DataSource dataSource) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!product.equals("MariaDB") && !product.equals("MySQL")) {
                return product + " not waited for (only InnoDB's background work is watched)";
            }
            long started = System.nanoTime();
            Map<String, Long> first = innodbStatus(statement);
            Map<String, Long> now = first;
            while (!quiet(now) && System.nanoTime() - started < LIMIT.toNanos()) {
                Thread.sleep(200);
                now = innodbStatus(statement);
            }
            return String.format("InnoDB %s after %.1f s (dirty pages %d -> %d, undo history %d -> %d)",
                    quiet(now) ? "quiet" : "still busy, gave up", (System.nanoTime() - started) / 1e9, first.get("dirty"), now.get("dirty"),
                    first.get("history"), now.get("history"));
        }
    }

    private static boolean quiet(Map<String, Long> status) {
        return status.get("dirty") <= MAX_DIRTY_PAGES && status.get("history") <= MAX_UNDO_HISTORY;
    }

    private static Map<String, Long> innodbStatus(Statement statement) throws SQLException {
        Map<String, Long> status = new HashMap<>(Map.of("dirty", 0L, "history", 0L));
        try (var rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                + "('Innodb_buffer_pool_pages_dirty', 'Innodb_history_list_length')")) {
            while (rows.next()) {
                status.put(rows.getString(1).endsWith("dirty") ? "dirty" : "history", rows.getLong(2));
            }
        }
        return status;
    }
}
