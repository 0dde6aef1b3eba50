package com.acme.learning.application;

import com.acme.learning.adapter.out.kafka.ProgressPublisher; // VIOLATION: layering.application-no-adapter
import com.acme.learning.domain.ProgressUpdated;
import com.acme.learning.domain.QuizSubmitted;
import com.acme.learning.domain.port.ProgressStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The older quiz path: still publishes straight to Kafka inside the database transaction. */
@Service
public class ProgressService {
    private final ProgressStore store;
    private final ProgressPublisher publisher;

    public ProgressService(ProgressStore store, ProgressPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    @Transactional
    public void recordQuiz(QuizSubmitted event) {
        if (!store.markProcessed(event.eventId())) {
            return;
        }
        long total = store.addMinutes(event.userId(), event.minutes());
        publisher.publish(new ProgressUpdated(event.eventId(), event.userId(), total)); // VIOLATION: pipeline.outbox-dual-write
    }
}
