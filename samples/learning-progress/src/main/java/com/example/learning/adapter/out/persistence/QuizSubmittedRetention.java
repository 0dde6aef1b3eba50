package com.example.learning.adapter.out.persistence;

import com.example.learning.config.RetentionProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Stored QuizSubmitted events are kept for {@code pipeline.retention.events}. */
@Component
public class QuizSubmittedRetention implements RetainedTable {
    private final Duration retention;

    public QuizSubmittedRetention(RetentionProperties properties) {
        this.retention = properties.events();
    }

    @Override
    public String table() {
        return "quiz_submitted";
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
