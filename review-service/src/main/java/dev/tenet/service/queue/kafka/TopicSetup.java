package dev.tenet.service.queue.kafka;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the jobs topic when it is missing; an existing topic is left as it is (adding partitions would move pull requests between them). */
final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    private static final long TIMEOUT_SECONDS = 15;

    private TopicSetup() {
    }

    /** @throws IllegalStateException naming the brokers and the reason when the topic can be neither found nor created */
    static void ensure(Admin admin, String bootstrapServers, String topic, int partitions) {
        try {
            // Replication follows the brokers' default.replication.factor.
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty()))).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("created Kafka topic {} with {} partition(s)", topic, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create Kafka topic " + topic + " at " + bootstrapServers + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + TIMEOUT_SECONDS
                    + " s while the review queue looked for topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topic " + topic, e);
        }
    }
}
