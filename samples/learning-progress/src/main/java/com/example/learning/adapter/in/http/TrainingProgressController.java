package com.example.learning.adapter.in.http;

import com.example.learning.application.GetTrainingProgress;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Read side: {@code GET /training-progress/{key}} returns one key's trainingMinutes. */
@RestController
public class TrainingProgressController {
    private final GetTrainingProgress query;

    public TrainingProgressController(GetTrainingProgress query) {
        this.query = query;
    }

    @GetMapping("/training-progress/{key}")
    public ResponseEntity<TrainingProgressResponse> get(@PathVariable("key") String key) {
        return query.find(key)
                .map(found -> ResponseEntity.ok(new TrainingProgressResponse(found.userId(), found.trainingMinutes())))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
