package com.example.learning.adapter.out.persistence;

import com.example.learning.domain.event.QuizSubmitted;
import com.example.learning.domain.port.QuizSubmittedStore;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Refined QuizSubmitted events in table quiz_submitted. */
@Repository
public class JdbcQuizSubmittedStore implements QuizSubmittedStore {
    private final JdbcTemplate jdbc;

    public JdbcQuizSubmittedStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveAll(List<QuizSubmitted> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO quiz_submitted (event_id, user_id, quiz_id, score, minutes_spent, submitted_at) VALUES (?, ?, ?, ?, ?, ?)",
                events.stream().map(e -> new Object[] {e.eventId(), e.userId(), e.quizId(), e.score(), e.minutesSpent(), java.sql.Timestamp.from(e.submittedAt())}).toList());
    }
}
