package dev.tenet.scaffold.spec;

import java.util.Arrays;
import java.util.Optional;

/** How a generated service publishes its outbox. */
public enum Relay {
    /** Relays poll the outbox table shard by shard under leases, publish and delete (the default). */
    POLLING("polling"),
    /** The embedded Debezium engine reads inserted outbox rows from PostgreSQL's logical decoding stream or the MySQL/MariaDB binlog. */
    DEBEZIUM("debezium");

    private final String key;

    Relay(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Relay> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
