package com.acme.learning.adapter.out.kafka;

import com.acme.learning.domain.AttendanceVerified;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Copies attendance events to the audit topic. */
@Component
public class AttendancePublisher {
    private final KafkaTemplate<String, AttendanceVerified> kafka;

    public AttendancePublisher(KafkaTemplate<String, AttendanceVerified> kafka) {
        this.kafka = kafka;
    }

    public void audit(AttendanceVerified event) {
        kafka.send("attendance-audit", event); // VIOLATION: pipeline.missing-message-key
    }
}
