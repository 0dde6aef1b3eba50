package com.acme.learning.adapter.out.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Quiz score totals. */
@Repository
public class QuizScoreRepository {
    private final JdbcTemplate jdbc;

    public QuizScoreRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void addScore(String userId, int score) {
        jdbc.update("update quiz_scores set total = total + ? where user_id = ?", score, userId);
    }
}
