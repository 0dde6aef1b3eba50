package com.example.learning.adapter.in.kafka;

import com.example.learning.adapter.out.outbox.OutboxTraces;
import io.micrometer.tracing.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of one listener call, each with its span ({@link ConsumerTracing}). While a record is handled,
 * {@link #enter} puts its span in scope and its coordinates in the logging context; while the batch's events are
 * applied, {@link #bindOutboxTraces} lets every outbox row they cause store the trace of the record behind it, which
 * the relay continues when it publishes the row. Closing ends every span.
 */
public final class ConsumedBatch implements AutoCloseable {
    private final List<ConsumerRecord<String, String>> records;
    private final List<Span> spans;
    private final ConsumerTracing tracing;
    private final OutboxTraces outboxTraces;
    private final Map<String, String> traceparentByEventId = new HashMap<>();

    ConsumedBatch(List<ConsumerRecord<String, String>> records, List<Span> spans, ConsumerTracing tracing, OutboxTraces outboxTraces) {
        this.records = records;
        this.spans = spans;
        this.tracing = tracing;
        this.outboxTraces = outboxTraces;
    }

    /** The context of the record at {@code index} until closed; naming its event id links the event to its trace. */
    public ConsumedRecordContext enter(int index) {
        Span span = spans.get(index);
        return tracing.enter(records.get(index), span, eventId -> {
            String traceparent = tracing.traceparent(span);
            if (traceparent != null) {
                traceparentByEventId.put(eventId, traceparent);
            }
        });
    }

    /** Until closed, outbox rows written on this thread store the trace of the record whose event caused them. */
    public OutboxTraces.Binding bindOutboxTraces() {
        return outboxTraces.bind(traceparentByEventId);
    }

    /** Marks the span of the record at {@code index} as failed. */
    public void failed(int index, Throwable failure) {
        spans.get(index).error(failure);
    }

    @Override
    public void close() {
        spans.forEach(Span::end);
    }
}
