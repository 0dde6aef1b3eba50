package dev.tenet.cli;

import dev.tenet.rules.engine.Engine;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/** A one-line counter on stderr while files are checked; shown only on a terminal and only for long runs. */
final class TerminalProgress implements Engine.Progress, AutoCloseable {
    private static final long FIRST_DRAW_AFTER_NANOS = 300_000_000L;
    private static final long REDRAW_EVERY_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastDraw;
    private boolean drawn;

    TerminalProgress(PrintWriter err) {
        this(err, System::nanoTime);
    }

    TerminalProgress(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    /** Progress is for people: only when both stdout and stderr are a terminal. */
    static boolean wanted() {
        return System.console() != null;
    }

    @Override
    public synchronized void update(int done, int total) {
        long now = nanoClock.getAsLong();
        if (now - started < FIRST_DRAW_AFTER_NANOS || (now - lastDraw < REDRAW_EVERY_NANOS && done < total)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        err.print("\rChecking " + done + "/" + total + " files (" + (100 * done / Math.max(1, total)) + "%)");
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
