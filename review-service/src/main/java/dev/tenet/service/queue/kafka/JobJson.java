package dev.tenet.service.queue.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tenet.service.queue.ReviewJob;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A review job as the JSON value of a Kafka record. Unknown fields are ignored, so replicas of an older release read jobs
 * a newer one wrote during a rolling update; times are ISO-8601 strings.
 */
final class JobJson {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JobJson() {
    }

    static byte[] write(ReviewJob job) {
        try {
            return JSON.writeValueAsBytes(job);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write review job " + job.pullRequestKey() + " as JSON", e);
        }
    }

    /** @throws IOException when the bytes are not a review job (malformed JSON or a missing required field) */
    static ReviewJob read(byte[] value) throws IOException {
        if (value == null) {
            throw new IOException("the record has no value");
        }
        try {
            return JSON.readValue(value, ReviewJob.class);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
