package dev.tenet.rules.finding;

import dev.tenet.rules.Severity;
import dev.tenet.rules.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One rule violation at one place: the single record that travels from the engine to every
 * reporter, publisher and MCP result.
 *
 * <p>A finding found along calls carries its path: the primary location ({@code file}, {@code
 * startLine}, {@code column}) is where the problem starts in the code a person edits, e.g. the call
 * inside a {@code @Transactional} method that leads to a Kafka send; {@code path} lists the steps from
 * there down to the effect, and {@code related} any other chain the finding rests on (for a dual
 * write, the one down to the database write).
 *
 * @param ruleId      the rule's stable id, e.g. {@code pipeline.outbox-dual-write}
 * @param severity    effective severity after configuration
 * @param file        path relative to the checked root, with {@code /} separators
 * @param startLine   first line (1-based)
 * @param endLine     last line (inclusive, {@code >= startLine})
 * @param message     what is wrong and why, one sentence, no location
 * @param fixHint     how to fix it, one sentence (may be empty)
 * @param fingerprint stable id of this finding that survives unrelated edits (contains no line numbers)
 * @param column      column of the primary location on {@code startLine} (1-based; 0 when not known)
 * @param path        steps from the first place of the finding (the primary location, unless a review
 *                    moved the finding to a changed step) to the effect; empty for a finding at one place
 * @param related     other steps the finding rests on, in order; usually empty
 * @param origin      what found it: a check of the engine, or the optional LLM review pass (shown with a label)
 */
public record Finding(String ruleId, Severity severity, String file, int startLine, int endLine,
                      String message, String fixHint, String fingerprint, int column, List<Step> path, List<Step> related,
                      Origin origin) {

    /** What found a finding. */
    public enum Origin {
        /** A deterministic check of the engine. */
        CHECK,
        /** The LLM review pass: a model's judgement against a rule, labelled wherever findings show. */
        LLM;

        /** The label reports put next to a finding of this origin; empty for a check's. */
        public String label() {
            return this == LLM ? "LLM" : "";
        }
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(origin, "origin");
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a finding needs a message (rule " + ruleId + " in " + file + ")");
        }
        if (startLine < 1 || endLine < startLine) {
            throw new IllegalArgumentException("bad line range " + startLine + "-" + endLine + " in " + file);
        }
        if (column < 0) {
            throw new IllegalArgumentException("bad column " + column + " in " + file);
        }
        fixHint = fixHint == null ? "" : fixHint;
        path = List.copyOf(path);
        related = List.copyOf(related);
    }

    /** A finding of a check. */
    public Finding(String ruleId, Severity severity, String file, int startLine, int endLine, String message, String fixHint,
                   String fingerprint, int column, List<Step> path, List<Step> related) {
        this(ruleId, severity, file, startLine, endLine, message, fixHint, fingerprint, column, path, related, Origin.CHECK);
    }

    /** A finding at one place, column unknown. */
    public Finding(String ruleId, Severity severity, String file, int startLine, int endLine,
                   String message, String fixHint, String fingerprint) {
        this(ruleId, severity, file, startLine, endLine, message, fixHint, fingerprint, 0, List.of(), List.of());
    }

    /** The one message shape: {@code <what and why> (File.java:line) [rule-id]}. */
    public String render() {
        return message + " (" + fileName() + ":" + startLine + ") [" + ruleId + "]" + (isLlm() ? " (LLM)" : "");
    }

    public boolean isLlm() {
        return origin == Origin.LLM;
    }

    public String fileName() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    /** {@code file:line:column} of the primary location, or {@code file:line} when the column is not known. */
    public String position() {
        return file + ":" + startLine + (column > 0 ? ":" + column : "");
    }

    /** Every step of the finding: the path, then the related steps. */
    public List<Step> steps() {
        List<Step> all = new ArrayList<>(path);
        all.addAll(related);
        return all;
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, file, startLine, endLine, message, fixHint, fingerprint, column, path, related, origin);
    }

    /**
     * The same finding shown at one of its steps (a review puts it on the step the change touched);
     * fingerprint, path and related steps stay as they are, so baselines and earlier comments still match.
     */
    public Finding anchoredAt(Step step, String newMessage) {
        return new Finding(ruleId, severity, step.file(), step.line(), step.line(), newMessage, fixHint, fingerprint,
                step.column(), path, related, origin);
    }
}
