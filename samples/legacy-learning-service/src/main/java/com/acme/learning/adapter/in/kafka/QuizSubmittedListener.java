package com.acme.learning.adapter.in.kafka;

import com.acme.learning.adapter.out.persistence.QuizScoreRepository;
import com.acme.learning.domain.QuizSubmitted;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Adds quiz scores to the learner's total. */
@Component
public class QuizSubmittedListener {
    private final QuizScoreRepository scores;

    public QuizSubmittedListener(QuizScoreRepository scores) {
        this.scores = scores;
    }

    @KafkaListener(topics = "quiz-submitted", groupId = "learning-progress")
    public void on(QuizSubmitted event) {
        scores.addScore(event.userId(), event.score()); // VIOLATION: pipeline.listener-not-idempotent
    }
}
