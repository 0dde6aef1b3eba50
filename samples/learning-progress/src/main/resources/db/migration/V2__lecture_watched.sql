-- LectureWatched events from learning.lecture-watched, stored as refined.

CREATE TABLE lecture_watched (
    event_id VARCHAR(100) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    user_id VARCHAR(255) NOT NULL,
    lecture_id VARCHAR(255) NOT NULL,
    minutes INT NOT NULL,
    watched_at TIMESTAMP(6) NOT NULL,
    consumed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);
-- Add an index on user_id when a query needs one: every index slows the consumer's inserts.
