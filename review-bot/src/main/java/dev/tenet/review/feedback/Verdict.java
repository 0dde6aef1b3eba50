package dev.tenet.review.feedback;

/** What one person (or a pushed fix) said about one Tenet review comment. */
public enum Verdict {
    USEFUL,
    NOT_USEFUL
}
