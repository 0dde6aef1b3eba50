package com.acme.learning.domain;

/** A learning event, keyed by the learner's user id. */
public record QuizSubmitted(String eventId, String userId, int score, int minutes) {
}
