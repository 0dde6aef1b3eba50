package com.example.learning.adapter.in.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts consumed events skipped as already applied in {@code pipeline_duplicates_skipped_total{topic}}. */
@Component
public class DuplicateReporter {
    private final MeterRegistry meters;

    public DuplicateReporter(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Called after the transaction that applied {@code applied} of {@code consumed} events committed. */
    public void skipped(String topic, int consumed, int applied) {
        if (consumed > applied) {
            Counter.builder("pipeline.duplicates.skipped")
                    .description("Consumed events skipped because their event id was already applied")
                    .tag("topic", topic)
                    .register(meters).increment(consumed - applied);
        }
    }
}
