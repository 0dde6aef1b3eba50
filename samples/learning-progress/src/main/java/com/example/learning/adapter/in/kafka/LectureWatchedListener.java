package com.example.learning.adapter.in.kafka;

import com.example.learning.application.RecordLectureWatched;
import com.example.learning.domain.event.LectureWatched;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes learning.lecture-watched in batches: one transaction per batch; offsets are committed after it. A record
 * that fails is reported by its index, so the records before it stay committed and the error handler
 * retries from it and finally sends it to learning.lecture-watched.DLT. A transient infrastructure failure (the database
 * unreachable or read-only, a deadlock) is no record's fault: the batch is retried from its first
 * record until it passes, and nothing is dead-lettered for it. Each record is handled in its own span and logging
 * context ({@link ConsumedBatch}), and the rows its event causes in the outbox carry its trace.
 */
@Component
public class LectureWatchedListener {
    private static final Logger LOG = LoggerFactory.getLogger(LectureWatchedListener.class);
    private final EventDecoder decoder;
    private final RecordLectureWatched useCase;
    private final ConsumerTracing tracing;
    private final DuplicateReporter duplicates;

    public LectureWatchedListener(EventDecoder decoder, RecordLectureWatched useCase, ConsumerTracing tracing,
            DuplicateReporter duplicates) {
        this.decoder = decoder;
        this.useCase = useCase;
        this.tracing = tracing;
        this.duplicates = duplicates;
    }

    @KafkaListener(id = RecordLectureWatched.CONSUMER, topics = "${pipeline.topics.lecture-watched:learning.lecture-watched}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, String>> records) {
        try (ConsumedBatch batch = tracing.begin(records)) {
            List<LectureWatched> events = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                try (ConsumedRecordContext context = batch.enter(i)) {
                    LectureWatched event = decoder.decode(records.get(i), LectureWatched.class, LectureWatched::userId);
                    context.eventId(event.eventId());
                    LOG.debug("Received LectureWatched in a batch of {}", records.size());
                    events.add(event);
                } catch (InvalidEventException e) {
                    batch.failed(i, e);
                    applyOneByOne(batch, events, records);
                    throw new BatchListenerFailedException(e.getMessage(), e, i);
                }
            }
            try (var traces = batch.bindOutboxTraces()) {
                duplicates.skipped(records.get(0).topic(), events.size(), useCase.record(events, records.get(0).topic()));
            } catch (RuntimeException batchFailure) {
                if (FailureClassifier.isTransient(batchFailure)) {
                    throw new BatchListenerFailedException(batchFailure.getMessage(), batchFailure, 0);
                }
                // One record may be at fault: apply one per transaction so only that one is retried.
                applyOneByOne(batch, events, records);
            }
        }
    }

    private void applyOneByOne(ConsumedBatch batch, List<LectureWatched> events, List<ConsumerRecord<String, String>> records) {
        for (int i = 0; i < events.size(); i++) {
            try (ConsumedRecordContext context = batch.enter(i).eventId(events.get(i).eventId()); var traces = batch.bindOutboxTraces()) {
                duplicates.skipped(records.get(i).topic(), 1, useCase.record(List.of(events.get(i)), records.get(i).topic()));
            } catch (RuntimeException e) {
                batch.failed(i, e);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
    }
}
