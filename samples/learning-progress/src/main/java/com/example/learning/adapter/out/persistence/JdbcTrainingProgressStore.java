package com.example.learning.adapter.out.persistence;

import com.example.learning.domain.TrainingProgress;
import com.example.learning.domain.port.TrainingProgressStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** TrainingProgress totals in table training_progress, added to with one upsert per key. */
@Repository
public class JdbcTrainingProgressStore implements TrainingProgressStore {
    private static final String UPSERT = """
            INSERT INTO training_progress (user_id, training_minutes) VALUES (:key, :amount)
            ON DUPLICATE KEY UPDATE training_minutes = training_minutes + VALUES(training_minutes), updated_at = CURRENT_TIMESTAMP(6)""";

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
        jdbc.batchUpdate(UPSERT, sorted.entrySet().stream()
                .map(e -> new MapSqlParameterSource("key", e.getKey()).addValue("amount", e.getValue()))
                .toArray(MapSqlParameterSource[]::new));
        Map<String, Long> totals = new HashMap<>();
        jdbc.query("SELECT user_id, training_minutes FROM training_progress WHERE user_id IN (:keys)",
                Map.of("keys", List.copyOf(sorted.keySet())),
                rs -> {
                    totals.put(rs.getString(1), rs.getLong(2));
                });
        return totals;
    }

    @Override
    public Optional<TrainingProgress> find(String userId) {
        return jdbc.query("SELECT user_id, training_minutes FROM training_progress WHERE user_id = :key",
                Map.of("key", userId), (rs, row) -> new TrainingProgress(rs.getString(1), rs.getLong(2))).stream().findFirst();
    }
}
