package com.example.learning.adapter.in.kafka;

import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;

/**
 * One consumed record while this thread handles it: its span in scope, and in the logging context (MDC) its key as
 * {@code userId}, {@code eventId}, {@code topic}, {@code partition} and {@code offset}, so every line logged
 * meanwhile says which record it was about (the {@code json-logs} profile writes them as fields). Closing ends the
 * scope and removes them all, so no line about the next record carries this one's.
 */
public final class ConsumedRecordContext implements AutoCloseable {
    public static final String KEY = "userId";
    public static final String EVENT_ID = "eventId";
    public static final String TOPIC = "topic";
    public static final String PARTITION = "partition";
    public static final String OFFSET = "offset";

    private final Tracer.SpanInScope scope;
    private final Consumer<String> onEventId;

    private ConsumedRecordContext(Tracer.SpanInScope scope, Consumer<String> onEventId) {
        this.scope = scope;
        this.onEventId = onEventId;
    }

    /** Opens the logging context of a record, without a span. */
    public static ConsumedRecordContext of(ConsumerRecord<?, ?> record) {
        return open(record, () -> { }, eventId -> { });
    }

    /**
     * Opens the context of a record. Its event id is the {@code eventId} header's when the producer set one, until
     * {@link #eventId} names the decoded one, which is also handed to {@code onEventId}.
     */
    static ConsumedRecordContext open(ConsumerRecord<?, ?> record, Tracer.SpanInScope scope, Consumer<String> onEventId) {
        MDC.put(TOPIC, record.topic());
        MDC.put(PARTITION, String.valueOf(record.partition()));
        MDC.put(OFFSET, String.valueOf(record.offset()));
        if (record.key() != null) {
            MDC.put(KEY, record.key().toString());
        }
        Header eventId = record.headers().lastHeader(EVENT_ID);
        if (eventId != null) {
            MDC.put(EVENT_ID, new String(eventId.value(), StandardCharsets.UTF_8));
        }
        return new ConsumedRecordContext(scope, onEventId);
    }

    /** Names the record's event once it is known. */
    public ConsumedRecordContext eventId(String eventId) {
        MDC.put(EVENT_ID, eventId);
        onEventId.accept(eventId);
        return this;
    }

    @Override
    public void close() {
        MDC.remove(TOPIC);
        MDC.remove(PARTITION);
        MDC.remove(OFFSET);
        MDC.remove(KEY);
        MDC.remove(EVENT_ID);
        scope.close();
    }
}
