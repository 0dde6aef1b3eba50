package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportOptionsTests {

    @Test
    void aRootUnderTheWorkingDirectoryIsShownRelativeToItAndAnyOtherAbsolute() {
        Path cwd = Path.of("").toAbsolutePath();

        assertThat(ReportOptions.shownFromWorkingDirectory(cwd.resolve("services/orders"))).isEqualTo(Path.of("services/orders"));
        assertThat(ReportOptions.shownFromWorkingDirectory(Path.of("services/../services/orders"))).isEqualTo(Path.of("services/orders"));
        assertThat(ReportOptions.shownFromWorkingDirectory(cwd).toString()).isEmpty();
        Path elsewhere = cwd.getRoot().resolve("elsewhere-" + System.nanoTime()).resolve("repo");
        assertThat(ReportOptions.shownFromWorkingDirectory(elsewhere)).isEqualTo(elsewhere);
        assertThat(ReportOptions.shownFromWorkingDirectory(Path.of("")).toString()).isEmpty();
    }
}
