package com.acme.learning.adapter.in.kafka;

import com.acme.learning.application.RecordLearningUseCase;
import com.acme.learning.domain.LectureWatched;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Lecture-watched events, keyed by user id; the use case drops redeliveries. */
@Component
public class LectureWatchedListener {
    private final RecordLearningUseCase useCase;

    public LectureWatchedListener(RecordLearningUseCase useCase) {
        this.useCase = useCase;
    }

    @KafkaListener(topics = "lecture-watched", groupId = "learning-progress")
    public void on(LectureWatched event) {
        useCase.record(event);
    }
}
