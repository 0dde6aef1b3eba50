package com.example.learning.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The pipeline's own settings under {@code pipeline.*} in application.yml.
 *
 * @param partitions partitions of every topic this service creates
 * @param retry      back-off of a failing record: without limit for a transient infrastructure failure,
 *                   {@code attempts} times for the record's own before its dead-letter topic
 * @param outbox     the outbox relay
 */
@ConfigurationProperties("pipeline")
public record PipelineProperties(@DefaultValue("6") int partitions, @DefaultValue Retry retry, @DefaultValue Outbox outbox) {

    /**
     * Exponential back-off.
     *
     * @param attempts        retries of a record's own failure before its dead-letter topic
     * @param initialInterval the first wait
     * @param multiplier      growth per retry
     * @param maxInterval     the longest wait
     */
    public record Retry(@DefaultValue("3") int attempts, @DefaultValue("500ms") Duration initialInterval,
                        @DefaultValue("2.0") double multiplier, @DefaultValue("10s") Duration maxInterval) {
    }

    /**
     * The outbox relay.
     *
     * @param batchSize messages per relay batch (at least one outbox row, however many messages it holds)
     * @param lease     how long a relay's claim on an outbox shard lasts unless renewed: the longest a relay that died
     *                  keeps the other replicas from publishing its shards
     */
    public record Outbox(@DefaultValue("500") int batchSize, @DefaultValue("10s") Duration lease) {
    }
}
