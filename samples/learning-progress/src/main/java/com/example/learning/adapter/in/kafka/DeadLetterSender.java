package com.example.learning.adapter.in.kafka;

import io.micrometer.tracing.Span;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends a record that failed for good to its dead-letter topic ({@code <topic>.DLT}, same partition) with the exception
 * in its headers, and logs one line per record with the cause, in the record's logging context. The send continues the
 * record's trace, so the dead letter is found from the trace of the event that caused it.
 */
public class DeadLetterSender extends DeadLetterPublishingRecoverer {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterSender.class);
    private final ConsumerTracing tracing;
    private final EventDecoder decoder;

    public DeadLetterSender(KafkaOperations<?, ?> kafka, ConsumerTracing tracing, EventDecoder decoder) {
        super(kafka, (record, exception) -> new TopicPartition(record.topic() + ".DLT", record.partition()));
        this.tracing = tracing;
        this.decoder = decoder;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
        Span span = tracing.start(record, "dead-letter");
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
        span.error(cause);
        try (ConsumedRecordContext context = tracing.enter(record, span)) {
            decoder.eventIdOf(record).ifPresent(context::eventId);
            LOG.warn("Sending {}-{}@{} to {}.DLT: {}: {}", record.topic(), record.partition(), record.offset(), record.topic(),
                    cause.getClass().getSimpleName(), cause.getMessage());
            super.accept(record, consumer, exception);
        } finally {
            span.end();
        }
    }
}
