package com.example.learning.domain.event;

import com.example.learning.domain.Contribution;
import java.util.Objects;

/**
 * A AttendanceVerified event from learning.attendance-verified; it adds minutesAttended to the userId's trainingMinutes.
 *
 * @param eventId the event's id (deduplicated on)
 * @param userId the key (also the record key)
 * @param sessionId string
 * @param minutesAttended added to trainingMinutes
 * @param verifiedAt instant
 */
public record AttendanceVerified(String eventId, String userId, String sessionId, Integer minutesAttended, java.time.Instant verifiedAt) {
    /** Refuses any value its table cannot hold: the store's INSERT IGNORE, which skips ids stored before, would cut it silently. */
    public AttendanceVerified {
        Objects.requireNonNull(eventId, "eventId is missing");
        Objects.requireNonNull(userId, "userId is missing");
        Objects.requireNonNull(sessionId, "sessionId is missing");
        Objects.requireNonNull(minutesAttended, "minutesAttended is missing");
        Objects.requireNonNull(verifiedAt, "verifiedAt is missing");
        if (eventId.isBlank() || userId.isBlank()) {
            throw new IllegalArgumentException("eventId and userId must not be blank");
        }
        if (eventId.length() > 100) {
            throw new IllegalArgumentException("eventId is longer than 100 characters");
        }
        if (userId.length() > 255) {
            throw new IllegalArgumentException("userId is longer than 255 characters");
        }
        if (sessionId.length() > 255) {
            throw new IllegalArgumentException("sessionId is longer than 255 characters");
        }
        if (verifiedAt.getEpochSecond() < -30_610_224_000L || verifiedAt.getEpochSecond() >= 253_402_300_800L) { // 1000-01-01, 10000-01-01
            throw new IllegalArgumentException("verifiedAt is outside the years 1000 to 9999");
        }
        if (minutesAttended < 0) {
            throw new IllegalArgumentException("minutesAttended must not be negative");
        }
    }

    /** What this event adds to its key's total. */
    public Contribution contribution(String sourceTopic) {
        return new Contribution(eventId, sourceTopic, userId, minutesAttended);
    }
}
