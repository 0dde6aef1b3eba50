package com.example.learning.adapter.out.persistence;

import com.example.learning.config.RetentionProperties;
import org.springframework.stereotype.Component;

/** Stored QuizSubmitted events are purged after {@code pipeline.retention.events}. */
@Component
public class QuizSubmittedRetention extends StoredEventsRetention {
    public QuizSubmittedRetention(RetentionProperties properties) {
        super("quiz_submitted", properties);
    }
}
