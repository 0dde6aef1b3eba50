package dev.tenet.scaffold.spec;

import java.util.Arrays;
import java.util.Optional;

/** The types an event field can have, with their Java and SQL spellings. */
public enum FieldType {
    STRING("string", "String", "VARCHAR(255)", "VARCHAR(255)"),
    INT("int", "Integer", "INT", "INTEGER"),
    LONG("long", "Long", "BIGINT", "BIGINT"),
    BOOLEAN("boolean", "Boolean", "BOOLEAN", "BOOLEAN"),
    DECIMAL("decimal", "java.math.BigDecimal", "DECIMAL(19,4)", "NUMERIC(19,4)"),
    INSTANT("instant", "java.time.Instant", "DATETIME(6)", "TIMESTAMPTZ");

    private final String key;
    private final String javaType;
    private final String mysqlType;
    private final String postgresType;

    FieldType(String key, String javaType, String mysqlType, String postgresType) {
        this.key = key;
        this.javaType = javaType;
        this.mysqlType = mysqlType;
        this.postgresType = postgresType;
    }

    public String key() {
        return key;
    }

    public String javaType() {
        return javaType;
    }

    public String sqlType(Database database) {
        return database == Database.MYSQL ? mysqlType : postgresType;
    }

    /** Whether a field of this type can be summed into the aggregate's total. */
    public boolean isCount() {
        return this == INT || this == LONG;
    }

    public static Optional<FieldType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(FieldType::key).toList());
    }
}
