package com.example.learning.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTests {
    private static final long YEAR_1000 = -30_610_224_000L;
    private static final long YEAR_10000 = 253_402_300_800L;

    @Test
    void theUsualFormReadsAsJavaTimeReadsItWithAnyNumberOfFractionDigits() {
        Random random = new Random(20261205);
        for (int sample = 0; sample < 20_000; sample++) {
            long second = YEAR_1000 + Math.floorMod(random.nextLong(), YEAR_10000 - YEAR_1000);
            int nanos = random.nextInt(1_000_000_000);
            int fractionDigits = sample % 10;
            String text = usualForm(second, nanos, fractionDigits);
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(IsoInstants.parse("2024-02-29T23:59:59.999999999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
        assertThat(IsoInstants.parse("1970-01-01T00:00:00Z")).isEqualTo(Instant.EPOCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-05T04:25:47+02:00", "2026-12-05T04:25:47.Z", "2026-12-05t04:25:47z", "2026-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-13-05T04:25:47Z", "2026-12-05T24:00:00Z", "2016-12-31T23:59:60Z", "+12026-12-05T04:25:47Z",
            " 2026-12-05T04:25:47Z", "2026-12-05T04:25:47.1234567890Z", "2026-12-05T04:25:4xZ", "2026-12-05 04:25:47Z", "2026-12-05"})
    void everyOtherTextIsLeftToTheStandardParse(String text) {
        assertThat(IsoInstants.parse(text)).isNull();
    }

    private static String usualForm(long epochSecond, int nanos, int fractionDigits) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        String fraction = fractionDigits == 0 ? "" : "." + String.format("%09d", nanos).substring(0, fractionDigits);
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d%sZ", time.getYear(), time.getMonthValue(), time.getDayOfMonth(), time.getHour(),
                time.getMinute(), time.getSecond(), fraction);
    }
}
