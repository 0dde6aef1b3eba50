package com.example.learning.adapter.out.outbox;

/**
 * Splits the key space into the shards the relays lease: every row of one key lands in the same shard, so the one
 * relay publishing a shard keeps that key's order.
 */
public final class OutboxShards {
    /**
     * Fixed, and seeded as rows of {@code outbox_lease} by the baseline migration. Changing it moves keys to other
     * shards while their rows may still wait, which would break their order: change it only with an empty outbox and
     * a migration that adds the lease rows.
     */
    public static final int COUNT = 6;

    private OutboxShards() {
    }

    /** The shard of a message key; {@link String#hashCode()} is specified, so every replica and version agrees. */
    public static int of(String key) {
        return Math.floorMod(key.hashCode(), COUNT);
    }
}
