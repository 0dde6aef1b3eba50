package com.example.learning.domain.port;

import com.example.learning.domain.ProgressUpdated;
import java.util.List;

/** Downstream events, written in the caller's transaction and published later by the relay. */
public interface ProgressUpdatedOutbox {
    void append(List<ProgressUpdated> events);
}
