package com.example.learning.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.example.learning.IntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The application's JsonMapper, which decodes the records, reads every instant as Jackson alone reads it. */
class IsoInstantModuleTests extends IntegrationTest {
    private static final JsonMapper JACKSON_ALONE = JsonMapper.builder().build();

    @Autowired
    private JsonMapper applicationJson;

    @Test
    void theApplicationsMapperHasTheModule() {
        assertThat(applicationJson.registeredModules()).anyMatch(IsoInstantModule.class::isInstance);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-12-05T04:25:47Z\"", "\"2026-12-05T04:25:47.123456Z\"", "\"2026-12-05T04:25:47+02:00\"",
            "\"2026-12-05T04:25:47.Z\"", "\"2016-12-31T23:59:60Z\"", "1764908747", "1764908747.5"})
    void readsEveryInstantAsJacksonAloneDoes(String json) {
        assertThat(applicationJson.readValue(json, Instant.class)).isEqualTo(JACKSON_ALONE.readValue(json, Instant.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-02-30T00:00:00Z\"", "\"2026-12-05T24:00:01Z\"", "\"yesterday\"", "true"})
    void refusesWhatJacksonAloneRefusesWithTheSameError(String json) {
        Throwable ours = catchThrowable(() -> applicationJson.readValue(json, Instant.class));
        Throwable jacksons = catchThrowable(() -> JACKSON_ALONE.readValue(json, Instant.class));
        assertThat(jacksons).isNotNull();
        assertThat(ours).isNotNull().hasSameClassAs(jacksons);
    }
}
