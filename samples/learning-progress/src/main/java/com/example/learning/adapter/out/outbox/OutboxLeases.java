package com.example.learning.adapter.out.outbox;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One relay's leases on outbox shards, in {@code outbox_lease}. A claim succeeds on an expired lease (or one this relay
 * already holds) and raises the shard's fencing token; renewing, releasing and deleting published rows all require the
 * token to be unchanged, so a relay that lost its lease to another cannot delete what that one now publishes. Expiry is
 * judged by the database's clock. Every method runs in the caller's (short) transaction.
 */
public class OutboxLeases {
    private final NamedParameterJdbcTemplate jdbc;
    private final String owner;
    private final long leaseMicros;

    public OutboxLeases(NamedParameterJdbcTemplate jdbc, String owner, Duration lease) {
        this.jdbc = jdbc;
        this.owner = owner;
        this.leaseMicros = lease.truncatedTo(ChronoUnit.MICROS).toNanos() / 1_000;
    }

    /** The shards that have messages waiting, whoever holds them. */
    public List<Integer> waitingShards() {
        return jdbc.getJdbcOperations().queryForList("SELECT DISTINCT shard FROM outbox_batch", Integer.class);
    }

    /** Claims the shard if its lease expired or is already this relay's; the lease then runs from now. */
    public Optional<Lease> claim(int shard) {
        Map<String, Object> params = Map.of("shard", shard, "owner", owner, "leaseMicros", leaseMicros);
        int claimed = jdbc.update("UPDATE outbox_lease SET owner = :owner, token = token + 1, expires_at = TIMESTAMPADD(MICROSECOND, :leaseMicros, UTC_TIMESTAMP(6))"
                + " WHERE shard = :shard AND (expires_at < UTC_TIMESTAMP(6) OR owner = :owner)", params);
        if (claimed == 0) {
            return Optional.empty();
        }
        long token = jdbc.queryForObject("SELECT token FROM outbox_lease WHERE shard = :shard", params, Long.class);
        return Optional.of(new Lease(shard, token));
    }

    /** Extends a lease this relay still holds; false if another relay has claimed the shard since. */
    public boolean renew(Lease lease) {
        return jdbc.update("UPDATE outbox_lease SET expires_at = TIMESTAMPADD(MICROSECOND, :leaseMicros, UTC_TIMESTAMP(6)) WHERE shard = :shard AND owner = :owner AND token = :token",
                params(lease)) == 1;
    }

    /** Ends a lease this relay still holds, so any relay may claim the shard at once; false if it was taken over. */
    public boolean release(Lease lease) {
        return jdbc.update("UPDATE outbox_lease SET expires_at = UTC_TIMESTAMP(6) WHERE shard = :shard AND owner = :owner AND token = :token",
                params(lease)) == 1;
    }

    private Map<String, Object> params(Lease lease) {
        return Map.of("shard", lease.shard(), "owner", owner, "token", lease.token(), "leaseMicros", leaseMicros);
    }

    /** A claimed shard and the fencing token of the claim. */
    public record Lease(int shard, long token) {
    }
}
