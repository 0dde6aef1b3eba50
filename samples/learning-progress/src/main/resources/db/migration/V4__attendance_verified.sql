-- AttendanceVerified events from learning.attendance-verified, stored as refined.

CREATE TABLE attendance_verified (
    event_id VARCHAR(100) NOT NULL PRIMARY KEY,
    user_id VARCHAR(255) NOT NULL,
    session_id VARCHAR(255) NOT NULL,
    minutes_attended INT NOT NULL,
    verified_at TIMESTAMP(6) NOT NULL,
    consumed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);

CREATE INDEX ix_attendance_verified_user_id ON attendance_verified (user_id);
