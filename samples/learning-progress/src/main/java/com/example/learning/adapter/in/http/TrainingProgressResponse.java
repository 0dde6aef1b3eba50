package com.example.learning.adapter.in.http;

/**
 * The HTTP view of a TrainingProgress.
 *
 * @param userId the key
 * @param trainingMinutes the total
 */
public record TrainingProgressResponse(String userId, long trainingMinutes) {
}
