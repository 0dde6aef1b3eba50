package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A committed expected output. A missing golden file fails the test: it is written only on purpose,
 * with {@code -Dtenet.updateSamples=true}, and the diff is then reviewed like any change.
 */
final class GoldenFile {
    static final String UPDATE_PROPERTY = "tenet.updateSamples";

    private GoldenFile() {
    }

    static void assertMatches(Path golden, String actual) throws IOException {
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(golden, actual);
        }
        if (!Files.exists(golden)) {
            fail("golden file " + golden + " is missing; to write it deliberately, run the test with -D" + UPDATE_PROPERTY
                    + "=true and review the diff");
        }
        assertThat(actual).as("%s (after a deliberate change, re-run with -D%s=true and review the diff)", golden, UPDATE_PROPERTY)
                .isEqualTo(Files.readString(golden));
    }
}
