package com.example.learning.adapter.out.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The trace an outbox row belongs to, kept in its {@code traceparent} column (W3C trace context): the trace of the
 * consumed record that caused the row. The listener binds each record's trace to its event id for the synchronous call
 * that writes the rows ({@link #bind}); the writer looks the trace up by the row's source event id; the relay's send is
 * a span in that trace ({@link #sending}), so the published record's {@code traceparent} header continues it (same
 * trace id, a new span). A trace that was not sampled gets no span: its stored context is published as it is. A row
 * without one (tracing off) is published in a trace of its own.
 */
@Component
public class OutboxTraces {
    public static final String TRACEPARENT = "traceparent";

    private final ThreadLocal<Map<String, String>> bySourceEventId = ThreadLocal.withInitial(Map::of);
    private final Tracer tracer;
    private final Propagator propagator;

    public OutboxTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Until the binding is closed, rows written on this thread for these source events store their trace. */
    public Binding bind(Map<String, String> traceparentBySourceEventId) {
        bySourceEventId.set(Map.copyOf(traceparentBySourceEventId));
        return bySourceEventId::remove;
    }

    /** The trace bound to the consumed event behind a row, or null. */
    public @Nullable String traceparentOf(String sourceEventId) {
        return bySourceEventId.get().get(sourceEventId);
    }

    /**
     * The W3C traceparent of a span, or null when tracing is off. Written from the span's context rather than through
     * the propagator, which would also walk the baggage fields for every consumed record.
     */
    public @Nullable String traceparent(Span span) {
        TraceContext context = span.context();
        if (!valid(context.traceId()) || !valid(context.spanId())) {
            return null;
        }
        return "00-" + context.traceId() + "-" + context.spanId() + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
    }

    /**
     * The span of one message's send, continuing the trace stored with it (a trace of its own when none was), until
     * closed; its W3C context replaces the record's {@code traceparent} header. The relays send through a template
     * without an observation, so this is the send's only span: one per message instead of two, and no timer.
     */
    Continuation sending(@Nullable String traceparent, ProducerRecord<String, String> record) {
        if (traceparent != null && unsampled(traceparent)) {
            // A trace its root did not sample records no span anywhere: the relay's would be dropped too. The stored
            // context goes on as it is, so the trace id still ties the published record to the consumed one.
            record.headers().remove(TRACEPARENT).add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
            return () -> { };
        }
        Span.Builder builder = traceparent == null ? tracer.spanBuilder() : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
        Span span = builder.name(record.topic() + " send")
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .start();
        propagator.inject(span.context(), record.headers(), (headers, key, value) -> headers.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
        return span::end;
    }

    /** An id a propagator would write: not empty (tracing off) and not all zeros (OpenTelemetry's invalid context). */
    private static boolean valid(String id) {
        return !id.isEmpty() && !id.chars().allMatch(c -> c == '0');
    }

    /**
     * Whether a W3C traceparent ({@code 00-traceid-parentid-flags}) says its trace is not sampled. Anything else goes
     * through the propagator, which decides what it means.
     */
    static boolean unsampled(String traceparent) {
        return traceparent.length() == 55 && traceparent.charAt(52) == '-' && (Character.digit(traceparent.charAt(54), 16) & 1) == 0;
    }

    /** An open binding of traces to source events. */
    @FunctionalInterface
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /** An open span of a message's send. */
    @FunctionalInterface
    interface Continuation extends AutoCloseable {
        @Override
        void close();
    }
}
