package com.example.learning.adapter.out.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog per topic as gauges: {@code pipeline_outbox_backlog{topic}} (messages waiting) and
 * {@code pipeline_outbox_oldest_age_seconds{topic}} (age of the oldest waiting message, by the database's clock; 0 when
 * none waits). One grouped query every {@code pipeline.outbox.metrics-interval} refreshes them; a scrape only reads
 * the last values, so scraping often or from several Prometheus servers costs the database nothing more.
 */
@Component
@EnableScheduling
public class OutboxMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxMetrics.class);

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();

    private record Backlog(long messages, double oldestAgeSeconds) {
        static final Backlog EMPTY = new Backlog(0, 0);
    }

    public OutboxMetrics(JdbcTemplate jdbc, MeterRegistry meters,
            @Value("${pipeline.topics.progress-updated:learning.progress-updated}") String publishedTopic) {
        this.jdbc = jdbc;
        this.meters = meters;
        register(publishedTopic);
    }

    @Scheduled(fixedDelayString = "${pipeline.outbox.metrics-interval:15s}")
    public void refresh() {
        Map<String, Backlog> waiting = new ConcurrentHashMap<>();
        try {
            jdbc.query("SELECT topic, SUM(message_count), TIMESTAMPDIFF(MICROSECOND, MIN(created_at), UTC_TIMESTAMP(6)) / 1000000.0 FROM outbox_batch GROUP BY topic",
                    rs -> {
                        waiting.put(rs.getString(1), new Backlog(rs.getLong(2), Math.max(0, rs.getDouble(3))));
                    });
        } catch (DataAccessException e) {
            // The gauges keep their last values: an outage must not look like an empty outbox.
            LOG.debug("Outbox backlog not measured: {}", e.getMessage());
            return;
        }
        waiting.keySet().forEach(this::register);
        backlogs.replaceAll((topic, last) -> waiting.getOrDefault(topic, Backlog.EMPTY));
    }

    private void register(String topic) {
        if (backlogs.putIfAbsent(topic, Backlog.EMPTY) == null) {
            Gauge.builder("pipeline.outbox.backlog", backlogs, b -> b.getOrDefault(topic, Backlog.EMPTY).messages())
                    .description("Outbox messages waiting to be published")
                    .tag("topic", topic).register(meters);
            Gauge.builder("pipeline.outbox.oldest.age", backlogs, b -> b.getOrDefault(topic, Backlog.EMPTY).oldestAgeSeconds())
                    .description("Age of the oldest outbox message waiting to be published, 0 when none waits")
                    .baseUnit("seconds")
                    .tag("topic", topic).register(meters);
        }
    }
}
