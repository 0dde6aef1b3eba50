package com.example.learning.adapter.out.persistence;

import com.example.learning.domain.event.LectureWatched;
import com.example.learning.domain.port.LectureWatchedStore;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Refined LectureWatched events in table lecture_watched. */
@Repository
public class JdbcLectureWatchedStore implements LectureWatchedStore {
    private final JdbcTemplate jdbc;

    public JdbcLectureWatchedStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveAll(List<LectureWatched> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO lecture_watched (event_id, user_id, lecture_id, minutes, watched_at) VALUES (?, ?, ?, ?, ?)",
                events.stream().map(e -> new Object[] {e.eventId(), e.userId(), e.lectureId(), e.minutes(), java.sql.Timestamp.from(e.watchedAt())}).toList());
    }
}
