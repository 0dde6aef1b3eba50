package com.example.learning;

/** Test payloads of AttendanceVerified as they arrive on learning.attendance-verified. */
public final class AttendanceVerifiedJson {
    private AttendanceVerifiedJson() {
    }

    /** A valid event with the given id, key and amount, other fields at sample values. */
    public static String of(String id, String key, long amount) {
        return "{\"eventId\":\"%1$s\",\"userId\":\"%2$s\",\"sessionId\":\"sample\",\"minutesAttended\":%3$d,\"verifiedAt\":\"2026-01-01T00:00:00Z\"}".formatted(id, key, amount);
    }
}
