package com.example.learning.domain.event;

import com.example.learning.domain.Contribution;
import java.util.Objects;

/**
 * A QuizSubmitted event from learning.quiz-submitted; it adds minutesSpent to the userId's trainingMinutes.
 *
 * @param eventId the event's id (deduplicated on)
 * @param userId the key (also the record key)
 * @param quizId string
 * @param score int
 * @param minutesSpent added to trainingMinutes
 * @param submittedAt instant
 */
public record QuizSubmitted(String eventId, String userId, String quizId, Integer score, Integer minutesSpent, java.time.Instant submittedAt) {
    /** Refuses any value its table cannot hold: the store's INSERT IGNORE, which skips ids stored before, would cut it silently. */
    public QuizSubmitted {
        Objects.requireNonNull(eventId, "eventId is missing");
        Objects.requireNonNull(userId, "userId is missing");
        Objects.requireNonNull(quizId, "quizId is missing");
        Objects.requireNonNull(score, "score is missing");
        Objects.requireNonNull(minutesSpent, "minutesSpent is missing");
        Objects.requireNonNull(submittedAt, "submittedAt is missing");
        if (eventId.isBlank() || userId.isBlank()) {
            throw new IllegalArgumentException("eventId and userId must not be blank");
        }
        if (eventId.length() > 100) {
            throw new IllegalArgumentException("eventId is longer than 100 characters");
        }
        if (userId.length() > 255) {
            throw new IllegalArgumentException("userId is longer than 255 characters");
        }
        if (quizId.length() > 255) {
            throw new IllegalArgumentException("quizId is longer than 255 characters");
        }
        if (submittedAt.getEpochSecond() < -30_610_224_000L || submittedAt.getEpochSecond() >= 253_402_300_800L) { // 1000-01-01, 10000-01-01
            throw new IllegalArgumentException("submittedAt is outside the years 1000 to 9999");
        }
        if (minutesSpent < 0) {
            throw new IllegalArgumentException("minutesSpent must not be negative");
        }
    }

    /** What this event adds to its key's total. */
    public Contribution contribution(String sourceTopic) {
        return new Contribution(eventId, sourceTopic, userId, minutesSpent);
    }
}
