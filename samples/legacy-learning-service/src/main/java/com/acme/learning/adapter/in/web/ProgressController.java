package com.acme.learning.adapter.in.web;

import com.acme.learning.adapter.out.persistence.ProgressEntity;
import com.acme.learning.adapter.out.persistence.ProgressJpaRepository;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Read API for learner progress. */
@RestController
public class ProgressController {
    private final ProgressJpaRepository progress;

    public ProgressController(ProgressJpaRepository progress) {
        this.progress = progress;
    }

    /** The summary the app shows: a DTO. */
    @GetMapping("/learners/{userId}/progress")
    public ResponseEntity<ProgressView> view(@PathVariable String userId) {
        return progress.findById(userId)
                .map(p -> ResponseEntity.ok(new ProgressView(p.getUserId(), p.getTotalMinutes())))
                .orElse(ResponseEntity.notFound().build());
    }

    /** An admin endpoint that still returns the table row. */
    @GetMapping("/admin/learners/{userId}/progress")
    public ResponseEntity<ProgressEntity> raw(@PathVariable String userId) { // VIOLATION: layering.controller-returns-dto
        return ResponseEntity.of(progress.findById(userId));
    }

    /** What the API returns for a learner's progress. */
    public record ProgressView(String userId, long totalMinutes) {
    }
}
