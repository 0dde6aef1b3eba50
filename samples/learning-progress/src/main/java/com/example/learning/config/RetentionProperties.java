package com.example.learning.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long rows are kept, under {@code pipeline.retention.*} in application.yml.
 *
 * @param processedEvents the dedup window: processed-event ids older than this are purged, after which a redelivered
 *                        event would be applied again. Keep it longer than the topics' retention plus the longest a
 *                        dead letter may wait before it is replayed
 * @param events          stored events older than this are purged
 * @param batchSize       rows deleted per statement, each in its own short transaction
 */
@ConfigurationProperties("pipeline.retention")
public record RetentionProperties(@DefaultValue("14d") Duration processedEvents, @DefaultValue("30d") Duration events,
                                  @DefaultValue("1000") int batchSize) {
}
