package com.acme.learning.adapter.out.persistence;

import org.springframework.data.jpa.repository.JpaRepository;

/** Read access to training_progress. */
public interface ProgressJpaRepository extends JpaRepository<ProgressEntity, String> {
}
