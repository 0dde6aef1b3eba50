package com.example.learning.adapter.out.persistence;

import com.example.learning.config.RetentionProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Stored LectureWatched events are kept for {@code pipeline.retention.events}. */
@Component
public class LectureWatchedRetention implements RetainedTable {
    private final Duration retention;

    public LectureWatchedRetention(RetentionProperties properties) {
        this.retention = properties.events();
    }

    @Override
    public String table() {
        return "lecture_watched";
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
