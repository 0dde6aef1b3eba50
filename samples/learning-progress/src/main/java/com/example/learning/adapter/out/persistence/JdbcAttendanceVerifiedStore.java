package com.example.learning.adapter.out.persistence;

import com.example.learning.domain.event.AttendanceVerified;
import com.example.learning.domain.port.AttendanceVerifiedStore;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Refined AttendanceVerified events in table attendance_verified. */
@Repository
public class JdbcAttendanceVerifiedStore implements AttendanceVerifiedStore {
    private final JdbcTemplate jdbc;

    public JdbcAttendanceVerifiedStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveAll(List<AttendanceVerified> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO attendance_verified (event_id, user_id, session_id, minutes_attended, verified_at) VALUES (?, ?, ?, ?, ?)",
                events.stream().map(e -> new Object[] {e.eventId(), e.userId(), e.sessionId(), e.minutesAttended(), java.sql.Timestamp.from(e.verifiedAt())}).toList());
    }
}
