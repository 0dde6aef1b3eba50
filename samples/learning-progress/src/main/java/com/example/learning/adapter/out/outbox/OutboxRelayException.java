package com.example.learning.adapter.out.outbox;

/** A relay batch that was not fully acknowledged: its rows stay in the outbox and go out again. */
public class OutboxRelayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutboxRelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
