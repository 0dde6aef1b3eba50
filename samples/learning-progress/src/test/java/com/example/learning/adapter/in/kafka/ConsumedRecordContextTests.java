package com.example.learning.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ConsumedRecordContextTests {
    private static final String[] FIELDS = {"userId", "eventId", "topic", "partition", "offset"};

    @Test
    void aRecordsCoordinatesAreInTheLoggingContextUntilItIsClosed() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("learning.lecture-watched", 2, 41L, "user-7", "{}");
        try (ConsumedRecordContext context = ConsumedRecordContext.of(record)) {
            assertThat(MDC.get("eventId")).isNull();
            context.eventId("event-9");
            assertThat(MDC.get("userId")).isEqualTo("user-7");
            assertThat(MDC.get("eventId")).isEqualTo("event-9");
            assertThat(MDC.get("topic")).isEqualTo("learning.lecture-watched");
            assertThat(MDC.get("partition")).isEqualTo("2");
            assertThat(MDC.get("offset")).isEqualTo("41");
        }
        for (String field : FIELDS) {
            assertThat(MDC.get(field)).as(field).isNull();
        }
    }

    @Test
    void theEventIdHeaderNamesTheEventBeforeItIsDecoded() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("learning.lecture-watched", 0, 5L, "user-7", "not json");
        record.headers().add("eventId", "event-3".getBytes(StandardCharsets.UTF_8));
        try (ConsumedRecordContext context = ConsumedRecordContext.of(record)) {
            assertThat(MDC.get("eventId")).isEqualTo("event-3");
        }
        assertThat(MDC.get("eventId")).isNull();
    }
}
