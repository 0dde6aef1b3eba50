package com.example.learning.adapter.out.persistence;

import com.example.learning.config.RetentionProperties;
import org.springframework.stereotype.Component;

/** Stored LectureWatched events are purged after {@code pipeline.retention.events}. */
@Component
public class LectureWatchedRetention extends StoredEventsRetention {
    public LectureWatchedRetention(RetentionProperties properties) {
        super("lecture_watched", properties);
    }
}
