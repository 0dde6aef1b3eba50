package com.example.learning.adapter.in.kafka;

import com.example.learning.adapter.out.outbox.OutboxTraces;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.stereotype.Component;

/**
 * Continues the trace each consumed record carries in its headers (W3C {@code traceparent}, or B3), or starts one.
 * Spring Kafka observes record listeners only, not batch listeners like this service's, so the span of each record is
 * opened here: a consumer span, child of the producer's, that ends when the record's batch is done.
 */
@Component
public class ConsumerTracing {
    private final Tracer tracer;
    private final Propagator propagator;
    private final OutboxTraces outboxTraces;

    public ConsumerTracing(Tracer tracer, Propagator propagator, OutboxTraces outboxTraces) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.outboxTraces = outboxTraces;
    }

    /** Opens a span for every record of a batch; closing the batch ends them. */
    public ConsumedBatch begin(List<ConsumerRecord<String, String>> records) {
        return new ConsumedBatch(records, records.stream().map(record -> start(record, "process")).toList(), this, outboxTraces);
    }

    /** Starts the span of one record's {@code operation}, continuing the trace in its headers. */
    public Span start(ConsumerRecord<?, ?> record, String operation) {
        Span span = propagator.extract(record.headers(), ConsumerTracing::lastHeader)
                .name(record.topic() + " " + operation)
                .kind(Span.Kind.CONSUMER)
                .start();
        if (!span.isNoop()) { // a span that is not sampled records nothing: its tags are not worth building for every record
            span.tag("messaging.system", "kafka")
                    .tag("messaging.destination.name", record.topic())
                    .tag("messaging.kafka.partition", String.valueOf(record.partition()))
                    .tag("messaging.kafka.offset", String.valueOf(record.offset()));
        }
        return span;
    }

    /** The record's span in scope and its coordinates in the logging context, until closed. */
    public ConsumedRecordContext enter(ConsumerRecord<?, ?> record, Span span) {
        return enter(record, span, eventId -> { });
    }

    ConsumedRecordContext enter(ConsumerRecord<?, ?> record, Span span, Consumer<String> onEventId) {
        return ConsumedRecordContext.open(record, tracer.withSpan(span), onEventId);
    }

    /** The W3C traceparent of a span, or null when tracing is off. */
    String traceparent(Span span) {
        return outboxTraces.traceparent(span);
    }

    private static String lastHeader(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
