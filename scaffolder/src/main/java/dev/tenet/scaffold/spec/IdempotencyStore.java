package dev.tenet.scaffold.spec;

/** Where processed event ids are recorded. */
public enum IdempotencyStore {
    /** Each consumer's events table, its primary key the event id, written in the same transaction as the effect (exactly-once effect). */
    DATABASE,
    /** Redis keys with a TTL, checked before and written after the commit (a crash between the two repeats an effect). */
    REDIS
}
