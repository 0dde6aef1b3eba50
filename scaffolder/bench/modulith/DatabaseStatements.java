package com.example.learning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MariaDB's server-wide statement and row counters (SHOW GLOBAL STATUS), so a bench can say what each event cost the
 * database. Server-wide: anything else using the server in the window counts too. Copied in with OutboxComparisonBench.
 */
final class DatabaseStatements {
    private static final List<String> COUNTERS = List.of("Com_insert", "Com_update", "Com_delete", "Com_select", "Com_commit",
            "Com_rollback", "Com_stmt_execute", "Handler_read_key", "Handler_read_next", "Handler_read_rnd_next", "Handler_update");

    private DatabaseStatements() {
    }

    static Map<String, Long> now(JdbcTemplate jdbc) {
        Map<String, Long> values = new LinkedHashMap<>();
        jdbc.query("SHOW GLOBAL STATUS", rs -> {
            if (COUNTERS.contains(rs.getString(1))) {
                values.put(rs.getString(1), Long.parseLong(rs.getString(2)));
            }
        });
        return values;
    }

    static String perEvent(Map<String, Long> before, Map<String, Long> after, int events) {
        StringBuilder out = new StringBuilder();
        for (String counter : COUNTERS) {
            long delta = after.getOrDefault(counter, 0L) - before.getOrDefault(counter, 0L);
            out.append(out.isEmpty() ? "" : ", ").append(String.format("%s %.2f", counter, (double) delta / events));
        }
        return out.toString();
    }
}
