package com.example.learning.domain.event;

import com.example.learning.domain.Contribution;
import java.util.Objects;

/**
 * A LectureWatched event from learning.lecture-watched; it adds minutes to the userId's trainingMinutes.
 *
 * @param eventId the event's id (deduplicated on)
 * @param userId the key (also the record key)
 * @param lectureId string
 * @param minutes added to trainingMinutes
 * @param watchedAt instant
 */
public record LectureWatched(String eventId, String userId, String lectureId, Integer minutes, java.time.Instant watchedAt) {
    public LectureWatched {
        Objects.requireNonNull(eventId, "eventId is missing");
        Objects.requireNonNull(userId, "userId is missing");
        Objects.requireNonNull(lectureId, "lectureId is missing");
        Objects.requireNonNull(minutes, "minutes is missing");
        Objects.requireNonNull(watchedAt, "watchedAt is missing");
        if (eventId.isBlank() || userId.isBlank()) {
            throw new IllegalArgumentException("eventId and userId must not be blank");
        }
        if (eventId.length() > 100) {
            throw new IllegalArgumentException("eventId is longer than 100 characters");
        }
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative");
        }
    }

    /** What this event adds to its key's total. */
    public Contribution contribution(String sourceTopic) {
        return new Contribution(eventId, sourceTopic, userId, minutes);
    }
}
