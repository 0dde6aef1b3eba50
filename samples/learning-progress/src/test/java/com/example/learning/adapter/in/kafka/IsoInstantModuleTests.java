package com.example.learning.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.example.learning.IntegrationTest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The application's JsonMapper, which decodes the records, reads every instant as Jackson alone reads it. */
class IsoInstantModuleTests extends IntegrationTest {
    private static final JsonMapper JACKSON_ALONE = JsonMapper.builder().build();

    @Autowired
    private JsonMapper applicationJson;

    @Test
    void theApplicationsMapperHasTheModule() {
        assertThat(applicationJson.registeredModules()).anyMatch(IsoInstantModule.class::isInstance);
    }

    @Test
    void theUsualFormSkipsJacksonsParseAndEveryOtherFormReachesIt() {
        AtomicInteger jacksonParses = new AtomicInteger();
        JsonMapper json = JsonMapper.builder().addModule(new SimpleModule().addDeserializer(Instant.class, new CountingJacksonDeserializer(jacksonParses)))
                .addModule(new IsoInstantModule()).build();

        assertThat(json.readValue("\"2026-12-05T04:25:47.123Z\"", Instant.class)).isEqualTo(Instant.parse("2026-12-05T04:25:47.123Z"));
        assertThat(jacksonParses).hasValue(0);
        assertThat(json.readValue("\"2026-12-05T06:25:47+02:00\"", Instant.class)).isEqualTo(Instant.parse("2026-12-05T04:25:47Z"));
        assertThat(jacksonParses).hasValue(1);
    }

    @Test
    void aDeserializerOfInstantsTheApplicationRegistersKeepsEveryText() {
        JsonMapper json = JsonMapper.builder().addModule(new SimpleModule().addDeserializer(Instant.class, new ValueDeserializer<Instant>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) {
                return Instant.EPOCH;
            }
        })).addModule(new IsoInstantModule()).build();

        assertThat(json.readValue("\"2026-12-05T04:25:47Z\"", Instant.class)).isEqualTo(Instant.EPOCH);
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

    /** Jackson's own instant deserializer, counting the texts it is asked to parse. */
    private static final class CountingJacksonDeserializer extends InstantDeserializer<Instant> {
        private final AtomicInteger parses;

        CountingJacksonDeserializer(AtomicInteger parses) {
            super(InstantDeserializer.INSTANT, DateTimeFormatter.ISO_INSTANT);
            this.parses = parses;
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            parses.incrementAndGet();
            return super.deserialize(parser, context);
        }
    }
}
