package com.example.learning.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long rows are kept, under {@code pipeline.retention.*} in application.yml.
 *
 * @param events    stored events older than this are purged. The events tables are the consumers' dedup
 *                  record, so this is the dedup window: a redelivered event whose stored copy was purged is applied
 *                  again. Keep it longer than the topics' retention plus the longest a dead letter may wait before it
 *                  is replayed
 * @param batchSize rows deleted per statement, each in its own short transaction
 */
@ConfigurationProperties("pipeline.retention")
public record RetentionProperties(@DefaultValue("30d") Duration events, @DefaultValue("1000") int batchSize) {
}
