package com.example.learning.adapter.out.outbox;

import com.example.learning.domain.ProgressUpdated;
import com.example.learning.domain.port.ProgressUpdatedOutbox;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes ProgressUpdated events as outbox rows in the caller's transaction, each with the trace of the consumed event
 * behind it ({@link OutboxTraces}); {@link OutboxRelay} publishes them.
 */
@Repository
public class JdbcProgressUpdatedOutbox implements ProgressUpdatedOutbox {
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String topic;
    private final OutboxTraces traces;

    public JdbcProgressUpdatedOutbox(JdbcTemplate jdbc, JsonMapper json,
            @Value("${pipeline.topics.progress-updated:learning.progress-updated}") String topic, OutboxTraces traces) {
        this.jdbc = jdbc;
        this.json = json;
        this.topic = topic;
        this.traces = traces;
    }

    @Override
    public void append(List<ProgressUpdated> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO outbox_message (shard, event_id, topic, message_key, payload, traceparent) VALUES (?, ?, ?, ?, ?, ?)",
                events.stream().map(e -> new Object[] {OutboxShards.of(e.userId()), e.eventId(), topic, e.userId(),
                        json.writeValueAsString(e), traces.traceparentOf(e.sourceEventId())}).toList());
    }
}
