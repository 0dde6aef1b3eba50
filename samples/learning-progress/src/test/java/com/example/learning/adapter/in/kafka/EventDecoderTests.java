package com.example.learning.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.learning.LectureWatchedJson;
import com.example.learning.domain.event.LectureWatched;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventDecoderTests {
    private final EventDecoder decoder = new EventDecoder(JsonMapper.builder().build());

    @Test
    void aValidRecordDecodes() {
        LectureWatched event = decoder.decode(record("u1", LectureWatchedJson.of("e1", "u1", 3)), LectureWatched.class, LectureWatched::userId);
        assertThat(event.eventId()).isEqualTo("e1");
        assertThat(event.minutes()).isEqualTo(3);
    }

    @Test
    void aRecordKeyedByAnotherKeyIsRefused() {
        assertThatThrownBy(() -> decoder.decode(record("u2", LectureWatchedJson.of("e1", "u1", 3)), LectureWatched.class, LectureWatched::userId))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("per-key order");
    }

    @Test
    void aValueLongerThanItsColumnIsRefusedNotCut() {
        String longKey = "u".repeat(255 + 1);
        assertThatThrownBy(() -> decoder.decode(record(longKey, LectureWatchedJson.of("e1", longKey, 3)), LectureWatched.class, LectureWatched::userId))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("userId is longer than 255 characters");
    }

    @Test
    void brokenJsonIsRefused() {
        assertThatThrownBy(() -> decoder.decode(record("u1", "{"), LectureWatched.class, LectureWatched::userId))
                .isInstanceOf(InvalidEventException.class);
    }

    private static ConsumerRecord<String, String> record(String key, String value) {
        return new ConsumerRecord<>("learning.lecture-watched", 0, 0L, key, value);
    }
}
