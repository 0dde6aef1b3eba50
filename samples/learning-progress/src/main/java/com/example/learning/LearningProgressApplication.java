package com.example.learning;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Learning Progress service: consumes learning.lecture-watched, learning.quiz-submitted and learning.attendance-verified, keeps TrainingProgress per userId, publishes ProgressUpdated. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LearningProgressApplication {
    public static void main(String[] args) {
        SpringApplication.run(LearningProgressApplication.class, args);
    }
}
