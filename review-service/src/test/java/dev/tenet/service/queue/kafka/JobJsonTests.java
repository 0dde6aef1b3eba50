package dev.tenet.service.queue.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tenet.service.queue.ReviewJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobJsonTests {
    final ReviewJob job = new ReviewJob("acme", "learning", 7, "6dcb09b5b57875f334f61aebed695e2e4193db5e", 42,
            "72d3162e-cc78-11e3-81ab-4c9367dc0958", Instant.parse("2026-12-03T10:15:30Z"));

    @Test
    void aJobIsWrittenAsJsonWithAnIsoTimeAndReadBackEqual() throws IOException {
        String json = new String(JobJson.write(job), StandardCharsets.UTF_8);
        assertThat(json).contains("\"owner\":\"acme\"", "\"number\":7", "\"requestedAt\":\"2026-12-03T10:15:30Z\"");
        assertThat(JobJson.read(JobJson.write(job))).isEqualTo(job);
    }

    @Test
    void fieldsANewerReleaseAddsAreIgnored() throws IOException {
        String json = new String(JobJson.write(job), StandardCharsets.UTF_8).replace("{", "{\"priority\":\"high\",\"labels\":[\"x\"],");
        assertThat(JobJson.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(job);
    }

    @Test
    void aRecordMissingARequiredFieldIsNoJob() {
        String json = new String(JobJson.write(job), StandardCharsets.UTF_8).replace("\"headSha\":\"6dcb09b5b57875f334f61aebed695e2e4193db5e\",", "");
        assertThatThrownBy(() -> JobJson.read(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class).hasMessageContaining("headSha");
        assertThatThrownBy(() -> JobJson.read("not json".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> JobJson.read(null)).isInstanceOf(IOException.class);
    }
}
