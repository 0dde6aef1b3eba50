package com.example.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.learning.adapter.out.outbox.OutboxHeaders;
import com.example.learning.domain.ProgressUpdated;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** LectureWatched from learning.lecture-watched through the consumer, the database and the outbox relay to learning.progress-updated. */
class LectureWatchedPipelineTests extends IntegrationTest {
    private static final String TOPIC = "learning.lecture-watched";

    @Test
    void eventsAddUpAndArePublishedDownstreamInOrderWithRunningTotals() {
        String key = newKey();
        send(TOPIC, key, LectureWatchedJson.of(newEventId(), key, 10));
        send(TOPIC, key, LectureWatchedJson.of(newEventId(), key, 20));
        send(TOPIC, key, LectureWatchedJson.of(newEventId(), key, 5));
        eventually("three events applied", () -> total(key) == 35);

        relay.drain();
        List<ConsumerRecord<String, String>> published = read("learning.progress-updated", r -> key.equals(r.key()), 3);
        assertThat(published).extracting(ConsumerRecord::value)
                .satisfiesExactly(
                        v -> assertThat(v).contains("\"trainingMinutes\":10"),
                        v -> assertThat(v).contains("\"trainingMinutes\":30"),
                        v -> assertThat(v).contains("\"trainingMinutes\":35"));
    }

    @Test
    void aRecordWithAFieldThisVersionDoesNotKnowIsProcessedAndPublishedWithItsSchemaVersion() {
        String key = newKey();
        String fromANewerProducer = LectureWatchedJson.of(newEventId(), key, 7).replaceFirst("\\{", "{\"addedByANewerProducer\":\"x\",");
        send(TOPIC, key, fromANewerProducer);
        eventually("the record with an unknown field applied, not dead-lettered", () -> total(key) == 7);

        relay.drain();
        ConsumerRecord<String, String> published = read("learning.progress-updated", r -> key.equals(r.key()), 1).get(0);
        assertThat(new String(published.headers().lastHeader(OutboxHeaders.EVENT_VERSION_HEADER).value(), StandardCharsets.US_ASCII))
                .isEqualTo(String.valueOf(ProgressUpdated.SCHEMA_VERSION));
    }
}
