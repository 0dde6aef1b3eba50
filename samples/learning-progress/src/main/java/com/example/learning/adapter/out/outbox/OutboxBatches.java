package com.example.learning.adapter.out.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Writes a transaction's messages for one topic as one {@code outbox_batch} row per shard ({@link OutboxShards}), in the
 * caller's transaction and with one batch statement: the relay then reads, sends and deletes a transaction's messages
 * together instead of row by row. Within a row the messages keep the caller's order, so a key's order holds.
 */
@Repository
public class OutboxBatches {
    private final JdbcTemplate jdbc;

    public OutboxBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String topic, List<OutboxMessage> messages) {
        Map<Integer, List<OutboxMessage>> byShard = new LinkedHashMap<>();
        for (OutboxMessage message : messages) {
            byShard.computeIfAbsent(OutboxShards.of(message.key()), shard -> new ArrayList<>()).add(message);
        }
        List<Object[]> rows = new ArrayList<>(byShard.size());
        byShard.forEach((shard, ofShard) -> rows.add(new Object[] {shard, topic, ofShard.size(), OutboxMessage.toJson(ofShard)}));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO outbox_batch (shard, topic, message_count, messages) VALUES (?, ?, ?, ?)", rows);
        }
    }
}
