package dev.tenet.service.queue.kafka;

import dev.tenet.service.queue.JobRunner;
import dev.tenet.service.queue.ReviewQueue;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review queue on Kafka, when {@code tenet.queue=kafka}; settings under {@code tenet.queue.kafka}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tenet.queue", havingValue = "kafka")
@ConditionalOnProperty(name = "tenet.webhook.enabled", havingValue = "true")
@EnableConfigurationProperties(KafkaQueueProperties.class)
public class KafkaQueueConfiguration {

    @Bean(destroyMethod = "close")
    ReviewQueue reviewQueue(KafkaQueueProperties properties, JobRunner runner, MeterRegistry registry) {
        return KafkaReviewQueue.start(properties, runner, registry);
    }
}
