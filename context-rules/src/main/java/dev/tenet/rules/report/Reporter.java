package dev.tenet.rules.report;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Renders a {@link Report} in one output format. */
public interface Reporter {

    /**
     * Writes the whole report.
     *
     * @param report what to render
     * @param out    where to write it (a {@code PrintWriter}, a {@code StringBuilder}, a file writer)
     * @throws IOException when {@code out} fails
     */
    void write(Report report, Appendable out) throws IOException;

    /**
     * Renders the report to a string.
     *
     * @param report what to render
     * @return the report text, as {@link #write} would write it
     */
    default String render(Report report) {
        StringBuilder text = new StringBuilder();
        try {
            write(report, text);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not throw", e);
        }
        return text.toString();
    }
}
