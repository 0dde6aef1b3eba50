package dev.tenet.scaffold.spec;

import java.util.Arrays;
import java.util.Optional;

/** The sink database a generated service writes to. */
public enum Database {
    /** MySQL 8 / Aurora MySQL / MariaDB, through the MariaDB driver. */
    MYSQL("mysql"),
    /** PostgreSQL 13 or newer. */
    POSTGRES("postgres");

    private final String key;

    Database(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Database> fromKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }
}
