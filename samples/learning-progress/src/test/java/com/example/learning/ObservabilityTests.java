package com.example.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs and traces of the pipeline against the real broker and database, with the {@code json-logs} profile: a line
 * logged about a consumed record carries its key, event id, topic, partition and offset as JSON fields, and the record
 * the relay publishes for it continues the trace the consumed record came with. The profile makes a context of its own,
 * with a broker of its own: its address goes to a property of its own, since the one other contexts read is a system
 * property each embedded broker would set for all of them.
 */
@ActiveProfiles("json-logs")
@EmbeddedKafka(partitions = 6, bootstrapServersProperty = "observability.kafka.bootstrap-servers")
@TestPropertySource(properties = {"spring.kafka.bootstrap-servers=${observability.kafka.bootstrap-servers}",
        "logging.level.com.example.learning.adapter=DEBUG", "management.tracing.sampling.probability=1.0"})
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests extends IntegrationTest {
    private static final String TOPIC = "learning.lecture-watched";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SAMPLED = "01";
    private static final String NOT_SAMPLED = "00";

    @Test
    void aLineLoggedAboutAConsumedRecordCarriesItsKeyEventIdTopicPartitionAndOffset(CapturedOutput output) {
        String key = newKey();
        String eventId = newEventId();
        send(TOPIC, key, LectureWatchedJson.of(eventId, key, 3));

        AtomicReference<JsonNode> received = new AtomicReference<>();
        eventually("a line about the record", () -> {
            lineAbout(output, eventId, "Received").ifPresent(received::set);
            return received.get() != null;
        });
        ConsumerRecord<String, String> consumed = readAll(TOPIC, r -> key.equals(r.key())).get(0);
        JsonNode line = received.get();
        assertThat(line.path("userId").asString()).isEqualTo(key);
        assertThat(line.path("topic").asString()).isEqualTo(TOPIC);
        assertThat(line.path("partition").asString()).isEqualTo(String.valueOf(consumed.partition()));
        assertThat(line.path("offset").asString()).isEqualTo(String.valueOf(consumed.offset()));
        assertThat(line.path("traceId").asString()).matches("[0-9a-f]{32}");
    }

    @Test
    void aRecordSentToTheDeadLetterTopicIsLoggedOnceWithItsCauseAndCoordinates(CapturedOutput output) {
        String key = newKey();
        String eventId = newEventId();
        send(TOPIC, key, LectureWatchedJson.of(eventId, key, -1));

        AtomicReference<JsonNode> deadLettered = new AtomicReference<>();
        eventually("a line about the dead letter", () -> {
            lineAbout(output, eventId, TOPIC + ".DLT").ifPresent(deadLettered::set);
            return deadLettered.get() != null;
        });
        JsonNode line = deadLettered.get();
        assertThat(line.path("log").path("level").asString()).isEqualTo("WARN");
        assertThat(line.path("message").asString()).contains("IllegalArgumentException");
        assertThat(line.path("userId").asString()).isEqualTo(key);
        assertThat(line.path("topic").asString()).isEqualTo(TOPIC);
        assertThat(line.path("partition").asString()).matches("[0-9]+");
        assertThat(line.path("offset").asString()).matches("[0-9]+");
        assertThat(output.getOut().lines().filter(l -> l.contains(eventId) && l.contains(TOPIC + ".DLT"))).hasSize(1);
    }

    @Test
    void theRecordPublishedForAConsumedOneContinuesItsTrace() throws Exception {
        Published published = publishedInTheSameTrace(SAMPLED);
        // The relay's send is a span of its own, child of the consumed record's.
        assertThat(published.traceparent()).isNotEqualTo(published.stored());
    }

    @Test
    void aTraceTheUpstreamDidNotSampleKeepsItsIdAndStaysUnsampledWhenPublished() throws Exception {
        Published published = publishedInTheSameTrace(NOT_SAMPLED);
        // No span records an unsampled trace: the relay publishes the consumed record's context as it stored it.
        assertThat(published.traceparent()).isEqualTo(published.stored());
    }

    /** The traceparent the outbox stored for a consumed record (null without a polling relay) and the one published. */
    private record Published(String stored, String traceparent) {
    }

    /**
     * Sends an event in a new upstream trace with these W3C flags and checks that what the relay publishes for it
     * continues that trace with the same flags, from a span other than the upstream one.
     */
    private Published publishedInTheSameTrace(String flags) throws Exception {
        String traceId = randomHex(16);
        String upstreamSpanId = randomHex(8);
        Published published = publishFor("00-" + traceId + "-" + upstreamSpanId + "-" + flags);
        assertThat(published.traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-" + flags).doesNotContain(upstreamSpanId);
        return published;
    }

    /** Sends an event with this upstream traceparent, as another service would, and reads what the relay publishes for it. */
    private Published publishFor(String upstreamTraceparent) throws Exception {
        String key = newKey();
        ProducerRecord<String, String> upstream = new ProducerRecord<>(TOPIC, key, LectureWatchedJson.of(newEventId(), key, 4));
        upstream.headers().add("traceparent", upstreamTraceparent.getBytes(StandardCharsets.UTF_8));
        // Sent as another service would, not through this service's template, which would start a trace of its own.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getRequiredProperty("spring.kafka.bootstrap-servers")),
                new StringSerializer(), new StringSerializer())) {
            producer.send(upstream).get();
        }
        eventually("the event applied", () -> total(key) == 4);
        String stored = null;
        var waiting = WaitingOutbox.of(jdbc, "learning.progress-updated", key);
        assertThat(waiting).hasSize(1);
        stored = waiting.get(0).traceparent();
        assertThat(stored).startsWith(upstreamTraceparent.substring(0, 36));
        relay.drain();

        List<ConsumerRecord<String, String>> published = read("learning.progress-updated", r -> key.equals(r.key()), 1);
        assertThat(published).hasSize(1);
        return new Published(stored, new String(published.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8));
    }

    private static Optional<JsonNode> lineAbout(CapturedOutput output, String eventId, String message) {
        return output.getOut().lines().filter(line -> line.startsWith("{")).map(ObservabilityTests::parse).flatMap(Optional::stream)
                .filter(line -> eventId.equals(line.path("eventId").asString()) && line.path("message").asString().contains(message))
                .findFirst();
    }

    private static Optional<JsonNode> parse(String line) {
        try {
            return Optional.of(JSON.readTree(line));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
