package dev.tenet.rules.model;

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
 */
public record Hit(String checkId, String file, int startLine, int endLine, String message, String fixHint, String anchor) {
}
