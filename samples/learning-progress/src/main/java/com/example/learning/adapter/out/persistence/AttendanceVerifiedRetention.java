package com.example.learning.adapter.out.persistence;

import com.example.learning.config.RetentionProperties;
import org.springframework.stereotype.Component;

/** Stored AttendanceVerified events are purged after {@code pipeline.retention.events}. */
@Component
public class AttendanceVerifiedRetention extends StoredEventsRetention {
    public AttendanceVerifiedRetention(RetentionProperties properties) {
        super("attendance_verified", properties);
    }
}
