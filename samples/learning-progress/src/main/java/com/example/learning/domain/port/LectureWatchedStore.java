package com.example.learning.domain.port;

import com.example.learning.domain.event.LectureWatched;
import java.util.List;

/** Stores refined LectureWatched events. */
public interface LectureWatchedStore {
    void saveAll(List<LectureWatched> events);
}
