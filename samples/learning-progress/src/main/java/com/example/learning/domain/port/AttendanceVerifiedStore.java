package com.example.learning.domain.port;

import com.example.learning.domain.event.AttendanceVerified;
import java.util.List;

/** Stores refined AttendanceVerified events. */
public interface AttendanceVerifiedStore {
    void saveAll(List<AttendanceVerified> events);
}
