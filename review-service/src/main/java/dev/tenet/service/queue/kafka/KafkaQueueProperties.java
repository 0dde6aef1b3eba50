package dev.tenet.service.queue.kafka;

import dev.tenet.rules.TenetInputException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka queue's settings ({@code tenet.queue.kafka.*}).
 *
 * @param bootstrapServers where the brokers are, {@code host:port[,host:port...]}; required
 * @param topic            the topic the jobs go to, created when missing
 * @param groupId          the consumer group every replica joins; one job runs on one replica of the group
 * @param partitions       partitions of the topic when it is created: the most replicas × workers that run jobs at once
 * @param concurrency      workers (one consumer each) per replica
 * @param maxAttempts      runs of a job that keeps failing before it is counted FAILED and dropped
 * @param retryBackoff     wait before a failed job's next attempt (multiplied by the attempts so far)
 * @param shutdownGrace    how long closing waits for running jobs before abandoning them to another replica
 */
@ConfigurationProperties("tenet.queue.kafka")
public record KafkaQueueProperties(
        String bootstrapServers,
        @DefaultValue("tenet.review-jobs") String topic,
        @DefaultValue("tenet-review-service") String groupId,
        @DefaultValue("6") int partitions,
        @DefaultValue("2") int concurrency,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("30s") Duration retryBackoff,
        @DefaultValue("30s") Duration shutdownGrace) {

    /**
     * @return these settings
     * @throws TenetInputException naming the first property that is missing or out of range
     */
    public KafkaQueueProperties validated() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new TenetInputException("tenet.queue=kafka needs tenet.queue.kafka.bootstrap-servers "
                    + "(host:port of the Kafka brokers, e.g. kafka:9092; environment TENET_QUEUE_KAFKA_BOOTSTRAP_SERVERS)");
        }
        requireText(topic, "topic");
        requireText(groupId, "group-id");
        requirePositive(partitions, "partitions");
        requirePositive(concurrency, "concurrency");
        requirePositive(maxAttempts, "max-attempts");
        if (retryBackoff == null || retryBackoff.isNegative() || shutdownGrace == null || shutdownGrace.isNegative()) {
            throw new TenetInputException("tenet.queue.kafka.retry-backoff and .shutdown-grace must be durations of zero or more");
        }
        return this;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new TenetInputException("tenet.queue.kafka." + name + " must not be empty");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new TenetInputException("tenet.queue.kafka." + name + " must be at least 1, not " + value);
        }
    }
}
