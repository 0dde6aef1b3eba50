package com.example.learning.config;

import com.example.learning.adapter.in.kafka.ConsumerTracing;
import com.example.learning.adapter.in.kafka.DeadLetterReporter;
import com.example.learning.adapter.in.kafka.DeadLetterSender;
import com.example.learning.adapter.in.kafka.EventDecoder;
import com.example.learning.adapter.in.kafka.FailureClassifier;
import com.example.learning.adapter.in.kafka.InvalidEventException;
import com.example.learning.adapter.in.kafka.TransientFailureReporter;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka error handling for every listener. A transient infrastructure failure (see
 * {@link FailureClassifier}: the database down or read-only in a failover, a lock, a timeout, the broker)
 * is retried without limit, with the same capped exponential back-off, and never dead-letters a record.
 * Any other failure is retried {@code pipeline.retry.attempts} times, then the record goes to its
 * dead-letter topic ({@code <topic>.DLT}, same partition) with the exception in its headers, and the
 * partition moves on ({@link DeadLetterSender}). Records that can never succeed skip the back-off. Spring Boot applies this
 * handler to the listener container factory.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    @Bean
    public DefaultErrorHandler kafkaErrorHandler(KafkaOperations<String, String> kafka, PipelineProperties properties,
            TransientFailureReporter transientFailures, DeadLetterReporter deadLetters, ConsumerTracing tracing, EventDecoder decoder) {
        DeadLetterSender recoverer = new DeadLetterSender(kafka, tracing, decoder);
        PipelineProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.attempts());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class, IllegalArgumentException.class);
        BackOff untilItPasses = untilItPasses(retry);
        handler.setBackOffFunction((record, exception) -> FailureClassifier.isTransient(exception) ? untilItPasses : null);
        handler.setRetryListeners(transientFailures, deadLetters);
        return handler;
    }

    private static BackOff untilItPasses(PipelineProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }

    @Bean
    public NewTopic progressUpdatedTopic(@Value("${pipeline.topics.progress-updated:learning.progress-updated}") String topic,
            PipelineProperties properties) {
        return TopicBuilder.name(topic).partitions(properties.partitions()).build();
    }
}
