package dev.tenet.scaffold.spec;

/** Where processed event ids are recorded. */
public enum IdempotencyStore {
    /** A processed-events table written in the same transaction as the effect (exactly-once effect). */
    DATABASE,
    /** Redis keys with a TTL, checked before and written after the commit (a crash between the two repeats an effect). */
    REDIS
}
