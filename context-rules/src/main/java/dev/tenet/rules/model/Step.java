package dev.tenet.rules.model;

import java.util.Objects;

/**
 * One place on a finding's path: where it is and what happens there, e.g. {@code calls
 * PaymentPublisher#publish} at the call inside a transactional method, or {@code publishes to Kafka
 * (kafkaTemplate.send())} at the send it leads to.
 *
 * @param file   path relative to the checked root, with {@code /} separators
 * @param line   the line (1-based)
 * @param column the column where the statement or call starts (1-based; 0 when not known)
 * @param label  what happens there, as a phrase that follows "this line"
 */
public record Step(String file, int line, int column, String label) {
    public Step {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 0) {
            throw new IllegalArgumentException("bad step position " + line + ":" + column + " in " + file);
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a step needs a label (" + file + ":" + line + ")");
        }
    }

    /** {@code file:line:column}, or {@code file:line} when the column is not known. */
    public String position() {
        return file + ":" + line + (column > 0 ? ":" + column : "");
    }
}
