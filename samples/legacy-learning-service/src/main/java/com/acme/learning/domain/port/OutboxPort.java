package com.acme.learning.domain.port;

/** Appends a downstream event to the outbox, in the caller's transaction. */
public interface OutboxPort {
    void append(String key, String type, Object payload);
}
