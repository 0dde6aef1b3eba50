package com.example.learning.adapter.out.persistence;

import com.example.learning.domain.event.AttendanceVerified;
import com.example.learning.domain.port.AttendanceVerifiedStore;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Refined AttendanceVerified events in table attendance_verified, which is also the consumer's dedup record (primary key event_id). */
@Repository
public class JdbcAttendanceVerifiedStore implements AttendanceVerifiedStore {
    private final IdempotentInsert<AttendanceVerified> insert;

    public JdbcAttendanceVerifiedStore(JdbcTemplate jdbc) {
        this.insert = new IdempotentInsert<>(jdbc, "attendance_verified", "event_id", List.of("event_id", "user_id", "session_id", "minutes_attended", "verified_at"),
                AttendanceVerified::eventId, e -> new Object[] {e.eventId(), e.userId(), e.sessionId(), e.minutesAttended(), java.time.LocalDateTime.ofInstant(e.verifiedAt(), java.time.ZoneOffset.UTC)});
    }

    @Override
    public Set<String> storeNew(List<AttendanceVerified> events) {
        return insert.insertNew(events);
    }
}
