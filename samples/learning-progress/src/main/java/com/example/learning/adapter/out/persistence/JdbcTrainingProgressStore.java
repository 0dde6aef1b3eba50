package com.example.learning.adapter.out.persistence;

import com.example.learning.domain.TrainingProgress;
import com.example.learning.domain.port.TrainingProgressStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * TrainingProgress totals in table training_progress, added to with one multi-row upsert per batch that returns the
 * new totals ({@code RETURNING}, on MariaDB; MySQL has none, so there they are read after the upsert).
 */
@Repository
public class JdbcTrainingProgressStore implements TrainingProgressStore {
    /** The batch's rows arrive as one JSON array of {@code [key, amount]} pairs: a short statement that never changes. */
    private static final String UPSERT = "INSERT INTO training_progress (user_id, training_minutes) SELECT user_id, training_minutes FROM JSON_TABLE(?, '$[*]' COLUMNS (user_id VARCHAR(1024) PATH '$[0]' ERROR ON ERROR, training_minutes BIGINT PATH '$[1]' ERROR ON ERROR)) AS incoming ON DUPLICATE KEY UPDATE training_minutes = training_progress.training_minutes + incoming.training_minutes, updated_at = (UTC_TIMESTAMP(6))";
    private static final String RETURNING = " RETURNING user_id, training_minutes";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ROWS_PER_STATEMENT = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    /** MariaDB (10.5+) returns the rows an upsert wrote, as updated; decided on first use. */
    private volatile @Nullable Boolean returning;

    public JdbcTrainingProgressStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> add(Map<String, Long> amountsByKey) {
        if (amountsByKey.isEmpty()) {
            return Map.of();
        }
        // Keys in sorted order: two transactions touching the same keys lock them in the same order.
        Map<String, Long> sorted = new TreeMap<>(amountsByKey);
        List<Map.Entry<String, Long>> rows = List.copyOf(sorted.entrySet());
        Map<String, Long> totals = new HashMap<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            upsert(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)), totals);
        }
        if (!returning()) {
            jdbc.query("SELECT user_id, training_minutes FROM training_progress WHERE user_id IN (:keys)",
                    Map.of("keys", List.copyOf(sorted.keySet())), rs -> {
                        putTotal(rs, totals);
                    });
        }
        return totals;
    }

    /** Adds the rows' amounts to their totals and puts the new totals in {@code totals} where the statement returns them. */
    private void upsert(List<Map.Entry<String, Long>> rows, Map<String, Long> totals) {
        Object[][] incoming = rows.stream().map(row -> new Object[] {row.getKey(), row.getValue()}).toArray(Object[][]::new);
        String json = JSON.writeValueAsString(incoming);
        if (returning()) {
            jdbc.getJdbcOperations().query(UPSERT + RETURNING, rs -> {
                putTotal(rs, totals);
            }, json);
        } else {
            jdbc.getJdbcOperations().update(UPSERT, json);
        }
    }

    private static void putTotal(ResultSet row, Map<String, Long> totals) throws SQLException {
        totals.put(row.getString(1), row.getLong(2));
    }

    /** Whether the upsert returns the new totals: on MariaDB; MySQL's are read after it. */
    boolean returning() {
        Boolean known = returning;
        if (known == null) {
            known = DatabaseProduct.isMariaDb(jdbc.getJdbcOperations());
            returning = known;
        }
        return known;
    }

    @Override
    public Optional<TrainingProgress> find(String userId) {
        return jdbc.query("SELECT user_id, training_minutes FROM training_progress WHERE user_id = :key",
                Map.of("key", userId), (rs, row) -> new TrainingProgress(rs.getString(1), rs.getLong(2))).stream().findFirst();
    }
}
