package dev.tenet.rules.model;

import java.util.List;

/**
 * A check's report before configuration, suppression and baseline are applied.
 *
 * @param checkId   the check that reported it
 * @param file      path relative to the root
 * @param startLine first line
 * @param endLine   last line
 * @param message   what is wrong and why
 * @param fixHint   how to fix it
 * @param anchor    stable text that identifies the place without line numbers (e.g.
 *                  {@code OrderService#place kafkaTemplate.send}); it feeds the fingerprint
 * @param column    the column where it starts on {@code startLine} (1-based; 0 when not known)
 * @param path      for a finding found along calls: the steps from the primary location (its first
 *                  step) down to the effect (its last); empty for a finding at one place
 * @param related   other places the finding rests on, in order (for a dual write, the steps down to the
 *                  database write); usually empty
 */
public record Hit(String checkId, String file, int startLine, int endLine, String message, String fixHint, String anchor,
                  int column, List<Step> path, List<Step> related) {
    public Hit {
        path = List.copyOf(path);
        related = List.copyOf(related);
        column = Math.max(0, column);
    }

    /** A hit at one place with no known column. */
    public Hit(String checkId, String file, int startLine, int endLine, String message, String fixHint, String anchor) {
        this(checkId, file, startLine, endLine, message, fixHint, anchor, 0, List.of(), List.of());
    }
}
