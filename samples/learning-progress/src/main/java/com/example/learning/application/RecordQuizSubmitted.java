package com.example.learning.application;

import com.example.learning.domain.event.QuizSubmitted;
import com.example.learning.domain.port.QuizSubmittedStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies a batch of QuizSubmitted events exactly once: dedup, store, accumulate and outbox in one transaction. */
@Service
public class RecordQuizSubmitted {
    /** The listener id. */
    public static final String CONSUMER = "quiz-submitted";

    private final QuizSubmittedStore events;
    private final TrainingProgressAccumulator accumulator;

    public RecordQuizSubmitted(QuizSubmittedStore events, TrainingProgressAccumulator accumulator) {
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
    public int record(List<QuizSubmitted> batch, String sourceTopic) {
        // Storing the events is the dedup: only the ones stored now are applied.
        Set<String> fresh = new HashSet<>(events.storeNew(batch));
        List<QuizSubmitted> applied = batch.stream().filter(e -> fresh.remove(e.eventId())).toList();
        accumulator.accumulate(applied.stream().map(e -> e.contribution(sourceTopic)).toList());
        return applied.size();
    }
}
