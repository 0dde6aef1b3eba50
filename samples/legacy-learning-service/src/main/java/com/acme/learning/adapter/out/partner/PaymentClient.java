package com.acme.learning.adapter.out.partner;

import com.acme.learning.domain.port.PaymentPort;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The payment partner, behind a circuit breaker; the RestClient bean carries the timeouts. */
@Component
public class PaymentClient implements PaymentPort {
    private final RestClient payments;

    public PaymentClient(RestClient payments) {
        this.payments = payments;
    }

    @Override
    @CircuitBreaker(name = "payments")
    public void refund(String userId, long amountCents) {
        payments.post().uri("/v1/refunds").body(new RefundRequest(userId, amountCents)).retrieve().toBodilessEntity();
    }

    record RefundRequest(String userId, long amountCents) {
    }
}
