package com.example.learning.adapter.out.persistence;

import com.example.learning.domain.TrainingProgress;
import com.example.learning.domain.port.TrainingProgressStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** TrainingProgress totals in table training_progress, added to with one multi-row upsert per batch. */
@Repository
public class JdbcTrainingProgressStore implements TrainingProgressStore {
    private static final String UPSERT_HEAD = "INSERT INTO training_progress (user_id, training_minutes) SELECT user_id, training_minutes FROM (";
    private static final String UPSERT_TAIL = ") AS incoming ON DUPLICATE KEY UPDATE training_minutes = training_progress.training_minutes + incoming.training_minutes, updated_at = (UTC_TIMESTAMP(6))";
    private static final String UPSERT_ROW = "SELECT ? AS user_id, ? AS training_minutes";
    private static final String UPSERT_ROW_SEPARATOR = " UNION ALL ";
    private static final int ROWS_PER_STATEMENT = 1000;

    private final NamedParameterJdbcTemplate jdbc;

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
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            upsert(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
        Map<String, Long> totals = new HashMap<>();
        jdbc.query("SELECT user_id, training_minutes FROM training_progress WHERE user_id IN (:keys)",
                Map.of("keys", List.copyOf(sorted.keySet())),
                rs -> {
                    totals.put(rs.getString(1), rs.getLong(2));
                });
        return totals;
    }

    private void upsert(List<Map.Entry<String, Long>> rows) {
        List<Object> values = new ArrayList<>(rows.size() * 2);
        for (Map.Entry<String, Long> row : rows) {
            values.add(row.getKey());
            values.add(row.getValue());
        }
        jdbc.getJdbcOperations().update(UPSERT_HEAD + String.join(UPSERT_ROW_SEPARATOR, Collections.nCopies(rows.size(), UPSERT_ROW)) + UPSERT_TAIL,
                values.toArray());
    }

    @Override
    public Optional<TrainingProgress> find(String userId) {
        return jdbc.query("SELECT user_id, training_minutes FROM training_progress WHERE user_id = :key",
                Map.of("key", userId), (rs, row) -> new TrainingProgress(rs.getString(1), rs.getLong(2))).stream().findFirst();
    }
}
