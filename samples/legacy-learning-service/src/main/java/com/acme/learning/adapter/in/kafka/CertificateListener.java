package com.acme.learning.adapter.in.kafka;

import com.acme.learning.domain.ProgressUpdated;
import com.acme.learning.domain.port.CertificatePort;
import com.acme.learning.domain.port.ProgressStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Issues a certificate when a learner passes 600 minutes. */
@Component
public class CertificateListener {
    private static final Logger log = LoggerFactory.getLogger(CertificateListener.class);
    private final ProgressStore store;
    private final CertificatePort certificates;

    public CertificateListener(ProgressStore store, CertificatePort certificates) {
        this.store = store;
        this.certificates = certificates;
    }

    @KafkaListener(topics = "progress-updated", groupId = "certificates")
    public void on(ProgressUpdated event) {
        try {
            if (event.totalMinutes() >= 600 && store.markProcessed(event.eventId())) {
                certificates.issue(event.userId());
            }
        } catch (Exception e) { // VIOLATION: pipeline.swallowed-listener-exception
            log.warn("certificate for {} failed", event.userId(), e);
        }
    }
}
