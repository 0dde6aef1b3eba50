package com.example.learning;

import com.example.learning.adapter.out.outbox.OutboxMessage;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/** The messages waiting in {@code outbox_batch}, read message by message as the relay reads them, for the tests to count. */
final class WaitingOutbox {
    private WaitingOutbox() {
    }

    /** A waiting message with the shard and topic of its row. */
    record Waiting(int shard, String topic, OutboxMessage message) {
    }

    static List<Waiting> all(JdbcTemplate jdbc) {
        return jdbc.query("SELECT shard, topic, messages FROM outbox_batch ORDER BY id", (rs, n) -> {
            int shard = rs.getInt(1);
            String topic = rs.getString(2);
            return OutboxMessage.listOf(rs.getString(3)).stream().map(m -> new Waiting(shard, topic, m)).toList();
        }).stream().flatMap(List::stream).toList();
    }

    /** The waiting messages of these keys on the topic, or on any topic when it is null. */
    static long count(JdbcTemplate jdbc, @Nullable String topic, Collection<String> keys) {
        return all(jdbc).stream().filter(w -> (topic == null || topic.equals(w.topic())) && keys.contains(w.message().key())).count();
    }

    /** The waiting messages of these keys in one shard, on any topic. */
    static long countInShard(JdbcTemplate jdbc, int shard, Collection<String> keys) {
        return all(jdbc).stream().filter(w -> w.shard() == shard && keys.contains(w.message().key())).count();
    }

    /** The waiting messages of one key on the topic, in the order the relay sends them. */
    static List<OutboxMessage> of(JdbcTemplate jdbc, String topic, String key) {
        return all(jdbc).stream().filter(w -> topic.equals(w.topic()) && key.equals(w.message().key())).map(Waiting::message).toList();
    }
}
