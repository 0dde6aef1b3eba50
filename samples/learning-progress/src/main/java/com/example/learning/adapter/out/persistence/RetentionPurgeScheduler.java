package com.example.learning.adapter.out.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges every {@link RetainedTable} on a fixed delay ({@code pipeline.retention.interval}), logging one line per run
 * and counting deleted rows in {@code pipeline_retention_purged_rows_total{table}}. A failed run is logged and left to the
 * next one. Off with {@code pipeline.retention.purge-enabled=false}, as in the tests, which purge explicitly.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "pipeline.retention.purge-enabled", havingValue = "true", matchIfMissing = true)
public class RetentionPurgeScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurgeScheduler.class);

    private final RetentionPurge purge;
    private final List<RetainedTable> tables;
    private final MeterRegistry meters;

    public RetentionPurgeScheduler(RetentionPurge purge, List<RetainedTable> tables, MeterRegistry meters) {
        this.purge = purge;
        this.tables = List.copyOf(tables);
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${pipeline.retention.interval:10m}", initialDelayString = "${pipeline.retention.initial-delay:1m}")
    public void purgeAll() {
        long started = System.nanoTime();
        StringBuilder summary = new StringBuilder();
        for (RetainedTable table : tables) {
            try {
                long deleted = purge.purge(table);
                Counter.builder("pipeline.retention.purged.rows").description("Rows deleted by the retention purge")
                        .tag("table", table.table()).register(meters).increment(deleted);
                summary.append(summary.isEmpty() ? "" : ", ").append(deleted).append(' ').append(table.table())
                        .append(" rows older than ").append(table.retention());
            } catch (RuntimeException e) {
                LOG.warn("Retention purge of {} failed, the next run tries again: {}", table.table(), e.getMessage());
            }
        }
        LOG.info("Retention purge deleted {} in {} ms", summary.isEmpty() ? "nothing" : summary,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
