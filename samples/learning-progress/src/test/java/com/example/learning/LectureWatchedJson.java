package com.example.learning;

/** Test payloads of LectureWatched as they arrive on learning.lecture-watched. */
public final class LectureWatchedJson {
    private LectureWatchedJson() {
    }

    /** A valid event with the given id, key and amount, other fields at sample values. */
    public static String of(String id, String key, long amount) {
        return "{\"eventId\":\"%1$s\",\"userId\":\"%2$s\",\"lectureId\":\"sample\",\"minutes\":%3$d,\"watchedAt\":\"2026-01-01T00:00:00Z\"}".formatted(id, key, amount);
    }
}
