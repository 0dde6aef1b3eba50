package com.acme.learning.application;

import com.acme.learning.domain.port.PaymentPort;
import com.acme.learning.domain.port.ProgressStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Refunds a course and takes the minutes back. */
@Service
public class RefundService {
    private final ProgressStore store;
    private final PaymentPort payments;

    public RefundService(ProgressStore store, PaymentPort payments) {
        this.store = store;
        this.payments = payments;
    }

    @Transactional
    public void refund(String userId, long minutes, long amountCents) {
        store.addMinutes(userId, -minutes);
        payments.refund(userId, amountCents); // VIOLATION: resilience.remote-call-in-transaction
    }
}
