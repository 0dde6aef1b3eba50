package dev.tenet.cli;

import dev.tenet.rules.engine.Engine;
import java.io.PrintWriter;

/** A one-line counter on stderr while files are checked; shown only on a terminal and only for long runs. */
final class TerminalProgress implements Engine.Progress, AutoCloseable {
    private static final long FIRST_DRAW_AFTER_NANOS = 300_000_000L;
    private static final long REDRAW_EVERY_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long started = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    /** Progress is for people: only when both stdout and stderr are a terminal. */
    static boolean wanted() {
        return System.console() != null;
    }

    @Override
    public synchronized void update(int done, int total) {
        long now = System.nanoTime();
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
