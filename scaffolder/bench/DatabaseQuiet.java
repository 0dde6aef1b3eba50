package com.example.learning;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Waits, before a timed window, until InnoDB's background threads have stopped working (no page flushed and no undo
 * record purged for a second), and says what it found. Suspected of the pipeline bench's run-to-run spread after the
 * warm-up's million rows were written and truncated; the windows measured since found it idle, so the printed state
 * is the evidence that it is not. Activity is what counts, not the backlog: MariaDB 10.11 leaves dirty pages
 * unflushed on an idle server, which costs no CPU. Copied into a generated sample by
 * scaffolder/bench/pipeline-throughput.sh with ThroughputBench.
 */
final class DatabaseQuiet {
    private static final Duration LIMIT = Duration.ofMinutes(1);
    private static final Duration STILL_FOR = Duration.ofSeconds(1);

    private DatabaseQuiet() {
    }

    private record Innodb(long pagesFlushed, long undoHistory, long dirtyPages) {
        boolean sameWorkAs(Innodb earlier) {
            return pagesFlushed == earlier.pagesFlushed && undoHistory == earlier.undoHistory;
        }
    }

    /** Returns what was waited for and how long, to be printed with the figures. */
    static String await(DataSource dataSource) throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!product.equals("MariaDB") && !product.equals("MySQL")) {
                return product + " not waited for (only InnoDB's background work is watched)";
            }
            long started = System.nanoTime();
            Innodb first = status(statement);
            Innodb before = first;
            boolean still;
            do {
                Thread.sleep(STILL_FOR.toMillis());
                Innodb now = status(statement);
                still = now.sameWorkAs(before);
                before = now;
            } while (!still && System.nanoTime() - started < LIMIT.toNanos());
            return String.format("InnoDB %s after %.1f s (pages flushed meanwhile %d, undo history %d -> %d, dirty pages %d)",
                    still ? "idle" : "still working, gave up", (System.nanoTime() - started) / 1e9, before.pagesFlushed() - first.pagesFlushed(),
                    first.undoHistory(), before.undoHistory(), before.dirtyPages());
        }
    }

    private static Innodb status(Statement statement) throws SQLException {
        long flushed = 0;
        long history = 0;
        long dirty = 0;
        try (var rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                + "('Innodb_buffer_pool_pages_flushed', 'Innodb_history_list_length', 'Innodb_buffer_pool_pages_dirty')")) {
            while (rows.next()) {
                switch (rows.getString(1).toLowerCase(java.util.Locale.ROOT)) {
                    case "innodb_buffer_pool_pages_flushed" -> flushed = rows.getLong(2);
                    case "innodb_history_list_length" -> history = rows.getLong(2);
                    default -> dirty = rows.getLong(2);
                }
            }
        }
        return new Innodb(flushed, history, dirty);
    }
}
