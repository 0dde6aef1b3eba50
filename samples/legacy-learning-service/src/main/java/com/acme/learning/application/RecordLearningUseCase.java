package com.acme.learning.application;

import com.acme.learning.domain.AttendanceVerified;
import com.acme.learning.domain.LectureWatched;
import com.acme.learning.domain.ProgressUpdated;
import com.acme.learning.domain.port.OutboxPort;
import com.acme.learning.domain.port.ProgressStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds watched and attended minutes; the progress event goes out through the outbox, in the same transaction. */
@Service
public class RecordLearningUseCase {
    private final ProgressStore store;
    private final OutboxPort outbox;

    public RecordLearningUseCase(ProgressStore store, OutboxPort outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    @Transactional
    public void record(LectureWatched event) {
        add(event.eventId(), event.userId(), event.minutes());
    }

    @Transactional
    public void record(AttendanceVerified event) {
        add(event.eventId(), event.userId(), event.minutes());
    }

    private void add(String eventId, String userId, long minutes) {
        if (!store.markProcessed(eventId)) {
            return;
        }
        long total = store.addMinutes(userId, minutes);
        outbox.append(userId, "progress-updated", new ProgressUpdated(eventId, userId, total));
    }
}
