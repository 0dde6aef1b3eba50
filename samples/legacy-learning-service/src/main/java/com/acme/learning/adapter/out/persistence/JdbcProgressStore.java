package com.acme.learning.adapter.out.persistence;

import com.acme.learning.domain.port.ProgressStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Progress in MySQL; the processed-events table makes redeliveries harmless. */
@Repository
public class JdbcProgressStore implements ProgressStore {
    private final JdbcTemplate jdbc;

    public JdbcProgressStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markProcessed(String eventId) {
        return jdbc.update("insert ignore into processed_events (event_id) values (?)", eventId) == 1;
    }

    @Override
    public long addMinutes(String userId, long minutes) {
        jdbc.update("""
                insert into training_progress (user_id, total_minutes) values (?, ?)
                on duplicate key update total_minutes = total_minutes + values(total_minutes)
                """, userId, minutes);
        Long total = jdbc.queryForObject("select total_minutes from training_progress where user_id = ?", Long.class, userId);
        return total == null ? 0 : total;
    }
}
