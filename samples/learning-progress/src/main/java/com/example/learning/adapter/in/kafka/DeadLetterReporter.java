package com.example.learning.adapter.in.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;

/**
 * Counts every record sent to its dead-letter topic in {@code pipeline_dead_letters_total{topic,partition,cause}}:
 * the topic and partition it was read from, and the simple class name of the failure that condemned it.
 */
@Component
public class DeadLetterReporter implements RetryListener {
    private final MeterRegistry meters;

    public DeadLetterReporter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
        // Only the recovery to the dead-letter topic is counted; TransientFailureReporter counts retried outages.
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception exception) {
        Counter.builder("pipeline.dead.letters")
                .description("Records sent to their dead-letter topic after failing for a fault of their own")
                .tag("topic", record.topic()).tag("partition", Integer.toString(record.partition())).tag("cause", cause(exception))
                .register(meters).increment();
    }

    /** The first failure in the chain that is not Spring Kafka's wrapper around it. */
    static String cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!t.getClass().getName().startsWith("org.springframework.kafka.")) {
                return t.getClass().getSimpleName();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
