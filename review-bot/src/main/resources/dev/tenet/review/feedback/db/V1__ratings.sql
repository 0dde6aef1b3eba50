-- Times are epoch milliseconds: the same on H2, PostgreSQL and MariaDB/MySQL, free of time-zone conversions.
CREATE TABLE ${prefix}ratings (
    repository VARCHAR(200) NOT NULL,
    comment_id BIGINT NOT NULL,
    rater VARCHAR(100) NOT NULL,
    pull_request INT NOT NULL,
    rule_id VARCHAR(200) NOT NULL,
    verdict VARCHAR(16) NOT NULL,
    source VARCHAR(16) NOT NULL,
    rated_at BIGINT NOT NULL,
    recorded_at BIGINT NOT NULL,
    PRIMARY KEY (repository, comment_id, rater)
);

CREATE INDEX ${prefix}ratings_by_rule ON ${prefix}ratings (rule_id, rated_at);

CREATE TABLE ${prefix}rule_reenables (
    rule_id VARCHAR(200) NOT NULL,
    reenabled_at BIGINT NOT NULL,
    reenabled_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (rule_id, reenabled_at)
);
