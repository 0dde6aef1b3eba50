package dev.tenet.rules.engine;

/** Where phase-two checks report. */
@FunctionalInterface
public interface HitSink {
    /**
     * @param file      path relative to the root, as in the file's model
     * @param startLine first line
     * @param endLine   last line
     * @param message   what is wrong and why
     * @param fixHint   how to fix it
     * @param anchor    stable text identifying the place without line numbers
     */
    void hit(String file, int startLine, int endLine, String message, String fixHint, String anchor);
}
