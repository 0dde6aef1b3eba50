package com.example.learning.adapter.out.persistence;

import com.example.learning.domain.event.QuizSubmitted;
import com.example.learning.domain.port.QuizSubmittedStore;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Refined QuizSubmitted events in table quiz_submitted, which is also the consumer's dedup record (primary key event_id). */
@Repository
public class JdbcQuizSubmittedStore implements QuizSubmittedStore {
    private final IdempotentInsert<QuizSubmitted> insert;

    public JdbcQuizSubmittedStore(JdbcTemplate jdbc) {
        this.insert = new IdempotentInsert<>(jdbc, "quiz_submitted", "event_id", List.of("event_id", "user_id", "quiz_id", "score", "minutes_spent", "submitted_at"),
                QuizSubmitted::eventId, e -> new Object[] {e.eventId(), e.userId(), e.quizId(), e.score(), e.minutesSpent(), java.time.LocalDateTime.ofInstant(e.submittedAt(), java.time.ZoneOffset.UTC)});
    }

    @Override
    public Set<String> storeNew(List<QuizSubmitted> events) {
        return insert.insertNew(events);
    }
}
