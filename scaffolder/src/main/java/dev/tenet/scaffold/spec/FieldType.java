package dev.tenet.scaffold.spec;

import java.util.Arrays;
import java.util.Optional;

/** The types an event field can have, with their Java and SQL spellings. */
public enum FieldType {
    // The column sizes are named once (qualified: an enum constant may not use its class's constants by simple name),
    // so the generated records' checks that values fit their columns follow any change to them.
    STRING("string", "String", "VARCHAR(" + FieldType.STRING_LENGTH + ")", "VARCHAR(" + FieldType.STRING_LENGTH + ")"),
    INT("int", "Integer", "INT", "INTEGER"),
    LONG("long", "Long", "BIGINT", "BIGINT"),
    BOOLEAN("boolean", "Boolean", "BOOLEAN", "BOOLEAN"),
    DECIMAL("decimal", "java.math.BigDecimal", "DECIMAL(" + FieldType.DECIMAL_PRECISION + "," + FieldType.DECIMAL_SCALE + ")",
            "NUMERIC(" + FieldType.DECIMAL_PRECISION + "," + FieldType.DECIMAL_SCALE + ")"),
    INSTANT("instant", "java.time.Instant", "DATETIME(6)", "TIMESTAMPTZ");

    /** The width of a string column, in characters. */
    public static final int STRING_LENGTH = 255;
    /** The digits a decimal column holds, and how many of them after the point. */
    public static final int DECIMAL_PRECISION = 19;
    public static final int DECIMAL_SCALE = 4;

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
