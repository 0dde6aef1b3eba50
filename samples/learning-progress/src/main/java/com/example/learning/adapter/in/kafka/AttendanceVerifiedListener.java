package com.example.learning.adapter.in.kafka;

import com.example.learning.application.RecordAttendanceVerified;
import com.example.learning.domain.event.AttendanceVerified;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes learning.attendance-verified in batches: one transaction per batch; offsets are committed after it. A record
 * that fails is reported by its index, so the records before it stay committed and the error handler
 * retries from it and finally sends it to learning.attendance-verified.DLT. A transient infrastructure failure (the database
 * unreachable or read-only, a deadlock) is no record's fault: the batch is retried from its first
 * record until it passes, and nothing is dead-lettered for it. Each record is handled in its own span and logging
 * context ({@link ConsumedBatch}), and the rows its event causes in the outbox carry its trace.
 */
@Component
public class AttendanceVerifiedListener {
    private static final Logger LOG = LoggerFactory.getLogger(AttendanceVerifiedListener.class);
    private final EventDecoder decoder;
    private final RecordAttendanceVerified useCase;
    private final ConsumerTracing tracing;
    private final DuplicateReporter duplicates;

    public AttendanceVerifiedListener(EventDecoder decoder, RecordAttendanceVerified useCase, ConsumerTracing tracing,
            DuplicateReporter duplicates) {
        this.decoder = decoder;
        this.useCase = useCase;
        this.tracing = tracing;
        this.duplicates = duplicates;
    }

    @KafkaListener(id = RecordAttendanceVerified.CONSUMER, topics = "${pipeline.topics.attendance-verified:learning.attendance-verified}", batch = "true")
    public void onBatch(List<ConsumerRecord<String, String>> records) {
        try (ConsumedBatch batch = tracing.begin(records)) {
            List<AttendanceVerified> events = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                try (ConsumedRecordContext context = batch.enter(i)) {
                    AttendanceVerified event = decoder.decode(records.get(i), AttendanceVerified.class, AttendanceVerified::userId);
                    context.eventId(event.eventId());
                    LOG.debug("Received AttendanceVerified in a batch of {}", records.size());
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

    private void applyOneByOne(ConsumedBatch batch, List<AttendanceVerified> events, List<ConsumerRecord<String, String>> records) {
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
