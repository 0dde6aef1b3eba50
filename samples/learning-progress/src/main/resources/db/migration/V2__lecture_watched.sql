-- LectureWatched events from learning.lecture-watched, stored as refined; the primary key on event_id makes the table the
-- consumer's dedup record, so its retention (pipeline.retention.events) is the dedup window.

CREATE TABLE lecture_watched (
    event_id VARCHAR(100) NOT NULL PRIMARY KEY,
    user_id VARCHAR(255) NOT NULL,
    lecture_id VARCHAR(255) NOT NULL,
    minutes INT NOT NULL,
    watched_at DATETIME(6) NOT NULL,
    consumed_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6)),
    -- A random number shared by the rows one insert stored, to tell them from the ids stored before (a redelivery).
    claim_token BIGINT NOT NULL DEFAULT 0
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- The retention purge deletes the oldest rows first, in small batches. Add an index on user_id only when a
-- query needs one: every index slows the consumer's inserts.
CREATE INDEX lecture_watched_consumed_at ON lecture_watched (consumed_at);
