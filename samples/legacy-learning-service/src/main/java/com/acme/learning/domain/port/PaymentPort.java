package com.acme.learning.domain.port;

/** The payment partner, as the business needs it. */
public interface PaymentPort {
    void refund(String userId, long amountCents);
}
