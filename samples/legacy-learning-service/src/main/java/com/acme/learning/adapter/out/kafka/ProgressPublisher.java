package com.acme.learning.adapter.out.kafka;

import com.acme.learning.domain.ProgressUpdated;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes progress straight to Kafka, keyed by user id. */
@Component
public class ProgressPublisher {
    private final KafkaTemplate<String, ProgressUpdated> kafka;

    public ProgressPublisher(KafkaTemplate<String, ProgressUpdated> kafka) {
        this.kafka = kafka;
    }

    public void publish(ProgressUpdated event) {
        kafka.send("progress-updated", event.userId(), event);
    }
}
