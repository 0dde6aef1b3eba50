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
    /** Refuses any value its table cannot hold: the store's INSERT IGNORE, which skips ids stored before, would cut it silently. */
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
        if (userId.length() > 255) {
            throw new IllegalArgumentException("userId is longer than 255 characters");
        }
        if (lectureId.length() > 255) {
            throw new IllegalArgumentException("lectureId is longer than 255 characters");
        }
        if (watchedAt.getEpochSecond() < -30_610_224_000L || watchedAt.getEpochSecond() >= 253_402_300_800L) { // 1000-01-01, 10000-01-01
            throw new IllegalArgumentException("watchedAt is outside the years 1000 to 9999");
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
