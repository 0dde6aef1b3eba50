-- AttendanceVerified events from learning.attendance-verified, stored as refined.

CREATE TABLE attendance_verified (
    event_id VARCHAR(100) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    user_id VARCHAR(255) NOT NULL,
    session_id VARCHAR(255) NOT NULL,
    minutes_attended INT NOT NULL,
    verified_at TIMESTAMP(6) NOT NULL,
    consumed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);
-- Add an index on user_id when a query needs one: every index slows the consumer's inserts.
