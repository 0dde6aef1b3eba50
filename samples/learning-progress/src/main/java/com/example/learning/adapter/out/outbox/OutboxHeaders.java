package com.example.learning.adapter.out.outbox;

import com.example.learning.domain.ProgressUpdated;
import java.nio.charset.StandardCharsets;

/** The headers every relay puts on a published record, whichever way it reads the outbox. */
public final class OutboxHeaders {
    /** The record header that carries the event id. */
    public static final String EVENT_ID_HEADER = "eventId";
    /** The record header that carries the version of the event's committed schema. */
    public static final String EVENT_VERSION_HEADER = "event-version";
    static final byte[] EVENT_VERSION = String.valueOf(ProgressUpdated.SCHEMA_VERSION).getBytes(StandardCharsets.US_ASCII);

    private OutboxHeaders() {
    }
}
