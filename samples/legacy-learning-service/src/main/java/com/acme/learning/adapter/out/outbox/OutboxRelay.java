package com.acme.learning.adapter.out.outbox;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes outbox rows in order, keyed by user id, then marks them sent (at least once; consumers dedup by event id). */
@Component
public class OutboxRelay {
    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, String> kafka;

    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, String> kafka) {
        this.jdbc = jdbc;
        this.kafka = kafka;
    }

    @Scheduled(fixedDelay = 200)
    public void publishPending() throws Exception {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, message_key, type, payload from outbox where sent_at is null order by id limit 500");
        for (Map<String, Object> row : rows) {
            kafka.send((String) row.get("type"), (String) row.get("message_key"), (String) row.get("payload")).get();
            jdbc.update("update outbox set sent_at = now() where id = ?", row.get("id"));
        }
    }
}
