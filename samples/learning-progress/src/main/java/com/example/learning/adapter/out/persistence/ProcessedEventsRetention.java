package com.example.learning.adapter.out.persistence;

import com.example.learning.config.RetentionProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The processed-event ids are kept for the dedup window ({@code pipeline.retention.processed-events}). */
@Component
public class ProcessedEventsRetention implements RetainedTable {
    private final Duration retention;

    public ProcessedEventsRetention(RetentionProperties properties) {
        this.retention = properties.processedEvents();
    }

    @Override
    public String table() {
        return "processed_event";
    }

    @Override
    public String timeColumn() {
        return "processed_at";
    }

    @Override
    public Duration retention() {
        return retention;
    }
}
