package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden files are written only on purpose. */
class GoldenFileTests {
    @TempDir
    Path dir;

    @Test
    void aMissingGoldenFileFailsAndIsNotWritten() {
        Path golden = dir.resolve("review.md");

        assertThatThrownBy(() -> GoldenFile.assertMatches(golden, "# Review\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("review.md is missing")
                .hasMessageContaining("-Dtenet.updateSamples=true");
        assertThat(golden).doesNotExist();
    }

    @Test
    void aDifferentOutputFailsAndTheGoldenFileIsKept() throws IOException {
        Path golden = Files.writeString(dir.resolve("review.md"), "# Review\n");

        assertThatThrownBy(() -> GoldenFile.assertMatches(golden, "# Another review\n")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("-Dtenet.updateSamples=true");
        assertThat(golden).hasContent("# Review");
    }
}
