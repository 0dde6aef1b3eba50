package com.example.learning.adapter.out.outbox;

import com.example.learning.domain.ProgressUpdated;
import com.example.learning.domain.port.ProgressUpdatedOutbox;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes ProgressUpdated events to the outbox in the caller's transaction, each with the trace of the consumed event
 * behind it ({@link OutboxTraces}), as one row per shard for the whole transaction ({@link OutboxBatches});
 * {@link OutboxRelay} publishes them.
 */
@Repository
public class JdbcProgressUpdatedOutbox implements ProgressUpdatedOutbox {
    private final OutboxBatches outbox;
    private final ObjectWriter payloads;
    private final String topic;
    private final OutboxTraces traces;

    public JdbcProgressUpdatedOutbox(OutboxBatches outbox, JsonMapper json,
            @Value("${pipeline.topics.progress-updated:learning.progress-updated}") String topic, OutboxTraces traces) {
        this.outbox = outbox;
        this.payloads = json.writerFor(ProgressUpdated.class);
        this.topic = topic;
        this.traces = traces;
    }

    @Override
    public void append(List<ProgressUpdated> events) {
        if (events.isEmpty()) {
            return;
        }
        outbox.append(topic, events.stream().map(e -> new OutboxMessage(e.eventId(), e.userId(), payloads.writeValueAsString(e),
                traces.traceparentOf(e.sourceEventId()))).toList());
    }
}
