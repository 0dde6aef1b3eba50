package com.example.learning;

/** Test payloads of QuizSubmitted as they arrive on learning.quiz-submitted. */
public final class QuizSubmittedJson {
    private QuizSubmittedJson() {
    }

    /** A valid event with the given id, key and amount, other fields at sample values. */
    public static String of(String id, String key, long amount) {
        return "{\"eventId\":\"%1$s\",\"userId\":\"%2$s\",\"quizId\":\"sample\",\"score\":1,\"minutesSpent\":%3$d,\"submittedAt\":\"2026-01-01T00:00:00Z\"}".formatted(id, key, amount);
    }
}
