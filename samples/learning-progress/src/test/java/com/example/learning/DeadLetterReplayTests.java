package com.example.learning;

import static org.assertj.core.api.Assertions.assertThat;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.example.learning.adapter.in.kafka.DeadLetterReplay;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The dead-letter replay, end to end: a POST to the actuator endpoint, the broker, the listener and the database. */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterReplayTests extends IntegrationTest {
    private static final String TOPIC = "learning.lecture-watched";

    @Autowired
    WebApplicationContext web;

    /** POSTs the selection to {@code /actuator/dltreplay} as an operator would; returns how many records it replayed. */
    private int replay(String selectionJson) throws Exception {
        String answer = MockMvcBuilders.webAppContextSetup(web).build()
                .perform(post("/actuator/dltreplay").contentType(MediaType.APPLICATION_JSON).content(selectionJson))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.replayed");
    }

    /** A record as the error handler dead-letters it: the original key and value, the failure in kafka_dlt-* headers. */
    private void deadLetter(String key, String value, Instant deadLetteredAt) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC + ".DLT", null, deadLetteredAt.toEpochMilli(), key, value);
        record.headers().add("kafka_dlt-exception-message", "Could not open JDBC Connection for transaction".getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
    }

    @Test
    void aDeadLetterReplayedTwiceByKeyIsCountedOnceAndEveryReplayIsAudited(CapturedOutput output) throws Exception {
        String key = newKey();
        String otherKey = newKey();
        deadLetter(key, LectureWatchedJson.of(newEventId(), key, 9), Instant.now());
        deadLetter(otherKey, LectureWatchedJson.of(newEventId(), otherKey, 4), Instant.now());

        String byKey = """
                {"topic": "%s", "key": "%s"}""".formatted(TOPIC, key);
        assertThat(replay(byKey)).isEqualTo(1);
        eventually("the replayed event applied", () -> total(key) == 9);
        assertThat(replay(byKey)).isEqualTo(1);
        send(TOPIC, key, LectureWatchedJson.of(newEventId(), key, 1));
        eventually("the event sent after the second replay applied", () -> total(key) == 10);

        assertThat(total(key)).isEqualTo(10);
        assertThat(total(otherKey)).isZero();
        List<ConsumerRecord<String, String>> replayed = readAll(TOPIC, r -> key.equals(r.key()) && r.headers().lastHeader(DeadLetterReplay.REPLAYED_AT_HEADER) != null);
        assertThat(replayed).hasSize(2);
        assertThat(header(replayed.get(0), DeadLetterReplay.REPLAYED_BY_HEADER)).isEqualTo("anonymous");
        assertThat(header(replayed.get(0), DeadLetterReplay.REPLAYED_FROM_HEADER)).startsWith(TOPIC + ".DLT-");
        assertThat(replayed.get(0).headers().lastHeader("kafka_dlt-exception-message")).isNull();
        assertThat(output.getOut()).contains("DLT replay by anonymous: 1 record(s) from " + TOPIC + ".DLT back to " + TOPIC + " (key " + key);
    }

    @Test
    void aTimeRangeReplaysOnlyWhatWasDeadLetteredWithinIt() throws Exception {
        String key = newKey();
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        deadLetter(key, LectureWatchedJson.of(newEventId(), key, 2), anHourAgo);
        deadLetter(key, LectureWatchedJson.of(newEventId(), key, 5), Instant.now());

        int outsideTheRange = replay("""
                {"topic": "%s", "key": "%s", "from": "%s", "to": "%s"}""".formatted(TOPIC, key,
                anHourAgo.minus(1, ChronoUnit.HOURS), anHourAgo.minus(1, ChronoUnit.MINUTES)));
        int theOldOne = replay("""
                {"topic": "%s", "from": "%s", "to": "%s"}""".formatted(TOPIC,
                anHourAgo.minus(1, ChronoUnit.MINUTES), anHourAgo.plus(1, ChronoUnit.MINUTES)));

        assertThat(outsideTheRange).isZero();
        assertThat(theOldOne).isEqualTo(1);
        eventually("the replayed event applied", () -> total(key) == 2);
        assertThat(total(key)).isEqualTo(2);
    }

    @Test
    void aPoisonRecordReplayedIsDeadLetteredAgainCarryingItsReplay() throws Exception {
        String key = newKey();
        send(TOPIC, key, LectureWatchedJson.of(newEventId(), key, -1));
        read(TOPIC + ".DLT", r -> key.equals(r.key()), 1);

        assertThat(replay("""
                {"topic": "%s", "key": "%s"}""".formatted(TOPIC, key))).isEqualTo(1);

        List<ConsumerRecord<String, String>> dead = read(TOPIC + ".DLT", r -> key.equals(r.key()), 2);
        assertThat(dead).hasSize(2);
        assertThat(header(dead.get(1), DeadLetterReplay.REPLAYED_AT_HEADER)).isNotEmpty();
        assertThat(header(dead.get(1), "kafka_dlt-exception-message")).contains("must not be negative");
        assertThat(total(key)).isZero();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
