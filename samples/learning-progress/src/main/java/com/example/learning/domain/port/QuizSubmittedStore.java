package com.example.learning.domain.port;

import com.example.learning.domain.event.QuizSubmitted;
import java.util.List;

/** Stores refined QuizSubmitted events. */
public interface QuizSubmittedStore {
    void saveAll(List<QuizSubmitted> events);
}
