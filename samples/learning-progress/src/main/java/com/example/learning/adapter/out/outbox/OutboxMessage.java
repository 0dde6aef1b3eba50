package com.example.learning.adapter.out.outbox;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One message of an {@code outbox_batch} row: the record to publish (key and value), its event id and the trace of the
 * consumed event behind it ({@link OutboxTraces}; null with tracing off). A row holds them as a JSON array, in order.
 */
public record OutboxMessage(String eventId, String key, String payload, @Nullable String traceparent) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<OutboxMessage>> LIST = new TypeReference<>() {
    };
    private static final ObjectWriter LIST_WRITER = JSON.writerFor(LIST);
    private static final ObjectReader LIST_READER = JSON.readerFor(LIST);

    /** The {@code messages} column of a row holding these messages. */
    public static String toJson(List<OutboxMessage> messages) {
        return LIST_WRITER.writeValueAsString(messages);
    }

    /** The messages of a row's {@code messages} column, in order. */
    public static List<OutboxMessage> listOf(String json) {
        return LIST_READER.readValue(json);
    }
}
