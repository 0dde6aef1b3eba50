package com.acme.learning.adapter.in.kafka;

import com.acme.learning.application.RecordLearningUseCase;
import com.acme.learning.domain.AttendanceVerified;
import java.util.concurrent.ExecutorService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Attendance events, processed on a worker pool to "go faster". */
@Component
public class AttendanceListener {
    private final RecordLearningUseCase useCase;
    private final ExecutorService workers;

    public AttendanceListener(RecordLearningUseCase useCase, ExecutorService workers) {
        this.useCase = useCase;
        this.workers = workers;
    }

    @KafkaListener(topics = "attendance-verified", groupId = "learning-progress")
    public void on(AttendanceVerified event) {
        workers.submit(() -> useCase.record(event)); // VIOLATION: pipeline.auto-commit-async
    }
}
