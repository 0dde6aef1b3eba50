package com.acme.learning.domain;

/** A learning event, keyed by the learner's user id. */
public record AttendanceVerified(String eventId, String userId, int minutes) {
}
