-- Learning Progress: idempotency, TrainingProgress totals and the transactional outbox (MariaDB/MySQL).

CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(100) COLLATE utf8mb4_bin NOT NULL,
    claim_token  BIGINT NOT NULL,
    processed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (consumer, event_id)
);

CREATE TABLE training_progress (
    user_id   VARCHAR(255) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    training_minutes BIGINT NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);

CREATE TABLE outbox_message (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    event_id    VARCHAR(100) NOT NULL,
    topic       VARCHAR(255) NOT NULL,
    message_key VARCHAR(255) NOT NULL,
    payload     MEDIUMTEXT NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);
-- Append-only by id: no unique index on event_id, the processed-events dedup already keeps it unique.

-- One row: the relay that holds its lock is the only one publishing, so per-key order holds across replicas.
CREATE TABLE outbox_lock (
    name VARCHAR(50) NOT NULL PRIMARY KEY
);
INSERT INTO outbox_lock (name) VALUES ('relay');
