package com.example.learning.adapter.out.persistence;

import com.example.learning.config.RetentionProperties;
import java.time.Duration;

/** A consumer's table of stored events, kept for {@code pipeline.retention.events} by the time each was consumed. */
public abstract class StoredEventsRetention implements RetainedTable {
    private final String table;
    private final Duration retention;

    protected StoredEventsRetention(String table, RetentionProperties properties) {
        this.table = table;
        this.retention = properties.events();
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public String timeColumn() {
        return "consumed_at";
    }

    @Override
    public Duration retention() {
        return retention;
    }
}
