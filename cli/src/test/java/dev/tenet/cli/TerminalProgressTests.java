package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTests {
    private static final long MS = 1_000_000L;

    private final StringWriter out = new StringWriter();
    private final AtomicLong now = new AtomicLong(5_000 * MS);
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(out), now::get);

    @Test
    void aShortRunDrawsNothingAndClearsNothing() {
        now.addAndGet(299 * MS);
        progress.update(10, 10);
        progress.close();

        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aLongRunDrawsTheCounterAtMostEveryTenthOfASecondAndAlwaysTheLastOne() {
        now.addAndGet(300 * MS);
        progress.update(1, 400);
        now.addAndGet(50 * MS);
        progress.update(2, 400);
        now.addAndGet(60 * MS);
        progress.update(3, 400);
        progress.update(400, 400);

        assertThat(out.toString()).isEqualTo(
                "\rChecking 1/400 files (0%)" + "\rChecking 3/400 files (0%)" + "\rChecking 400/400 files (100%)");
    }

    @Test
    void closingAfterADrawErasesTheLineSoTheReportStartsClean() {
        now.addAndGet(400 * MS);
        progress.update(7, 8);
        progress.close();

        assertThat(out.toString()).endsWith("\r\033[K");
    }
}
