-- QuizSubmitted events from learning.quiz-submitted, stored as refined.

CREATE TABLE quiz_submitted (
    event_id VARCHAR(100) NOT NULL PRIMARY KEY,
    user_id VARCHAR(255) NOT NULL,
    quiz_id VARCHAR(255) NOT NULL,
    score INT NOT NULL,
    minutes_spent INT NOT NULL,
    submitted_at DATETIME(6) NOT NULL,
    consumed_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- The retention purge deletes the oldest rows first, in small batches. Add an index on user_id only when a
-- query needs one: every index slows the consumer's inserts.
CREATE INDEX quiz_submitted_consumed_at ON quiz_submitted (consumed_at);
