package com.example.learning.application;

import com.example.learning.domain.event.LectureWatched;
import com.example.learning.domain.port.ProcessedEvents;
import com.example.learning.domain.port.LectureWatchedStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies a batch of LectureWatched events exactly once: dedup, store, accumulate and outbox in one transaction. */
@Service
public class RecordLectureWatched {
    /** The consumer name under which event ids are recorded (the listener id). */
    public static final String CONSUMER = "lecture-watched";

    private final ProcessedEvents processedEvents;
    private final LectureWatchedStore events;
    private final TrainingProgressAccumulator accumulator;

    public RecordLectureWatched(ProcessedEvents processedEvents, LectureWatchedStore events, TrainingProgressAccumulator accumulator) {
        this.processedEvents = processedEvents;
        this.events = events;
        this.accumulator = accumulator;
    }

    /**
     * Applies the events of one batch that were not applied before.
     *
     * @param batch       the events in consumption order
     * @param sourceTopic the topic they were read from
     * @return how many were new (the rest were duplicates and changed nothing)
     */
    @Transactional
    public int record(List<LectureWatched> batch, String sourceTopic) {
        Set<String> fresh = new HashSet<>(processedEvents.claim(CONSUMER, batch.stream().map(LectureWatched::eventId).toList()));
        List<LectureWatched> applied = batch.stream().filter(e -> fresh.remove(e.eventId())).toList();
        events.saveAll(applied);
        accumulator.accumulate(applied.stream().map(e -> e.contribution(sourceTopic)).toList());
        return applied.size();
    }
}
