package com.example.learning.adapter.in.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.stereotype.Component;

/**
 * Counts every failed delivery caused by a transient infrastructure failure in
 * {@code pipeline_transient_failures_total{topic,cause}} and logs each outage once per topic: when it
 * starts (in the logging context of the first record it holds back) and when a batch of that topic succeeds again,
 * not at every retry.
 */
@Component
public class TransientFailureReporter implements RetryListener, BatchInterceptor<Object, Object> {
    private static final Logger log = LoggerFactory.getLogger(TransientFailureReporter.class);
    private final MeterRegistry meters;
    private final Map<String, Episode> episodes = new ConcurrentHashMap<>();

    private record Episode(Instant start, FailureClassifier.TransientCause cause) {
    }

    public TransientFailureReporter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int deliveryAttempt) {
        FailureClassifier.transientCause(exception).ifPresent(cause -> {
            Counter.builder("pipeline.transient.failures")
                    .description("Deliveries that failed for a transient infrastructure cause and are retried without limit")
                    .tag("topic", record.topic()).tag("cause", cause.tag())
                    .register(meters).increment();
            if (episodes.putIfAbsent(record.topic(), new Episode(Instant.now(), cause)) == null) {
                try (ConsumedRecordContext context = ConsumedRecordContext.of(record)) {
                    log.warn("{} cannot be applied: transient {} failure ({}); retrying without limit, logging again when it passes",
                            record.topic(), cause.tag(), NestedExceptionUtils.getMostSpecificCause(exception).getMessage());
                }
            }
        });
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        for (TopicPartition partition : records.partitions()) {
            Episode ended = episodes.remove(partition.topic());
            if (ended != null) {
                log.warn("{} is applied again after {} of transient {} failures",
                        partition.topic(), Duration.between(ended.start(), Instant.now()), ended.cause().tag());
            }
        }
    }
}
