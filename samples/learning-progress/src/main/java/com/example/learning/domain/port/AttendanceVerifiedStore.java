package com.example.learning.domain.port;

import com.example.learning.domain.event.AttendanceVerified;
import java.util.List;
import java.util.Set;

/** Stores refined AttendanceVerified events; the stored events are the consumer's record of what it applied. */
public interface AttendanceVerifiedStore {
    /**
     * Stores the events whose ids are not stored yet and returns those ids; an id stored before, or earlier in the
     * same list, is left out. Run in the transaction that applies the events, so the record and the effect commit or
     * roll back together.
     *
     * @param events the events of a batch, in order
     * @return the ids stored now: the events the caller must apply
     */
    Set<String> storeNew(List<AttendanceVerified> events);
}
