package dev.tenet.rules.finding;

import dev.tenet.rules.Severity;
import java.util.Objects;

/**
 * One rule violation at one place: the single record that travels from the engine to every
 * reporter, publisher and MCP result.
 *
 * @param ruleId      the rule's stable id, e.g. {@code pipeline.outbox-dual-write}
 * @param severity    effective severity after configuration
 * @param file        path relative to the checked root, with {@code /} separators
 * @param startLine   first line (1-based)
 * @param endLine     last line (inclusive, {@code >= startLine})
 * @param message     what is wrong and why, one sentence, no location
 * @param fixHint     how to fix it, one sentence (may be empty)
 * @param fingerprint stable id of this finding that survives unrelated edits (contains no line numbers)
 */
public record Finding(String ruleId, Severity severity, String file, int startLine, int endLine,
                      String message, String fixHint, String fingerprint) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a finding needs a message (rule " + ruleId + " in " + file + ")");
        }
        if (startLine < 1 || endLine < startLine) {
            throw new IllegalArgumentException("bad line range " + startLine + "-" + endLine + " in " + file);
        }
        fixHint = fixHint == null ? "" : fixHint;
    }

    /** The one message shape: {@code <what and why> (File.java:line) [rule-id]}. */
    public String render() {
        return message + " (" + fileName() + ":" + startLine + ") [" + ruleId + "]";
    }

    public String fileName() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, file, startLine, endLine, message, fixHint, fingerprint);
    }
}
