package com.example.learning.adapter.out.persistence;

import com.example.learning.domain.event.LectureWatched;
import com.example.learning.domain.port.LectureWatchedStore;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Refined LectureWatched events in table lecture_watched, which is also the consumer's dedup record (primary key event_id). */
@Repository
public class JdbcLectureWatchedStore implements LectureWatchedStore {
    private final IdempotentInsert<LectureWatched> insert;

    public JdbcLectureWatchedStore(JdbcTemplate jdbc) {
        this.insert = new IdempotentInsert<>(jdbc, "lecture_watched", "event_id", List.of("event_id", "user_id", "lecture_id", "minutes", "watched_at"),
                LectureWatched::eventId, e -> new Object[] {e.eventId(), e.userId(), e.lectureId(), e.minutes(), java.time.LocalDateTime.ofInstant(e.watchedAt(), java.time.ZoneOffset.UTC)});
    }

    @Override
    public Set<String> storeNew(List<LectureWatched> events) {
        return insert.insertNew(events);
    }
}
