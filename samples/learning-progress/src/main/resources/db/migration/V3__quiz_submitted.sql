-- QuizSubmitted events from learning.quiz-submitted, stored as refined.

CREATE TABLE quiz_submitted (
    event_id VARCHAR(100) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    user_id VARCHAR(255) NOT NULL,
    quiz_id VARCHAR(255) NOT NULL,
    score INT NOT NULL,
    minutes_spent INT NOT NULL,
    submitted_at TIMESTAMP(6) NOT NULL,
    consumed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);
-- Add an index on user_id when a query needs one: every index slows the consumer's inserts.
