-- Learning Progress: TrainingProgress totals and the transactional outbox (MariaDB/MySQL).
-- Each consumer's events table, in its own migration, is its dedup record.

CREATE TABLE training_progress (
    user_id   VARCHAR(255) NOT NULL PRIMARY KEY,
    training_minutes BIGINT NOT NULL,
    updated_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per consumer transaction, shard and topic: messages is that transaction's messages for the shard, in order, as
-- a JSON array of {eventId, key, payload, traceparent} (payload: the record's value; traceparent: the W3C trace context
-- of the consumed event behind it, continued when it is published, null with tracing off).
CREATE TABLE outbox_batch (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    shard         SMALLINT NOT NULL,
    topic         VARCHAR(255) NOT NULL,
    message_count INT NOT NULL,
    messages      MEDIUMTEXT NOT NULL,
    created_at    DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
-- A relay reads one shard in id order and counts its messages from this index alone before it reads any messages.
CREATE INDEX outbox_batch_shard_id ON outbox_batch (shard, id, message_count);

-- One lease per shard of the key space (every row of a key is in one shard): the relay holding a shard's unexpired
-- lease is the only one publishing it. token grows with every claim and fences a relay whose lease was taken over.
CREATE TABLE outbox_lease (
    shard      SMALLINT NOT NULL PRIMARY KEY,
    owner      VARCHAR(100),
    token      BIGINT NOT NULL,
    expires_at DATETIME(6) NOT NULL DEFAULT (UTC_TIMESTAMP(6))
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO outbox_lease (shard, token) VALUES (0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0);
