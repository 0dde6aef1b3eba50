package dev.tenet.scaffold.generate;

import dev.tenet.rules.engine.BuildInfo;
import dev.tenet.scaffold.spec.CacheSpec;
import dev.tenet.scaffold.spec.ConsumerSpec;
import dev.tenet.scaffold.spec.Database;
import dev.tenet.scaffold.spec.Durations;
import dev.tenet.scaffold.spec.FieldSpec;
import dev.tenet.scaffold.spec.FieldType;
import dev.tenet.scaffold.spec.IdempotencyStore;
import dev.tenet.scaffold.spec.Names;
import dev.tenet.scaffold.spec.PipelineSpec;
import dev.tenet.scaffold.spec.Relay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The read-only description of the service being generated: the spec plus every template value
 * computed from it (names, SQL for the chosen database, test payloads). Templates only print these.
 */
public final class ServiceModel {
    /** The width of every event-id column; the event records refuse longer ids, which MySQL's INSERT IGNORE would cut. */
    static final int EVENT_ID_LENGTH = 100;

    public static final String SPRING_BOOT_VERSION = "4.0.8";
    public static final String RESILIENCE4J_VERSION = "2.4.0";
    public static final String DEBEZIUM_VERSION = "3.6.1.Final";
    /**
     * The binlog relay's Debezium: the newest line in which both binlog connectors resolve from Maven Central
     * (debezium-connector-mariadb has no 3.6 release there; the 3.6 MySQL connector takes MariaDB 10.11 for MySQL 8.4
     * and fails on SHOW BINARY LOG STATUS).
     */
    public static final String DEBEZIUM_BINLOG_VERSION = "3.5.0.Final";

    private final PipelineSpec spec;
    private final Map<String, Object> root;
    private final List<Map<String, Object>> consumers;

    public ServiceModel(PipelineSpec spec) {
        this.spec = spec;
        this.consumers = new ArrayList<>();
        for (int i = 0; i < spec.consumers().size(); i++) {
            consumers.add(consumerValues(spec, spec.consumers().get(i), i));
        }
        this.root = rootValues(spec, consumers);
    }

    public PipelineSpec spec() {
        return spec;
    }

    /** The values every template sees. */
    public Map<String, Object> values() {
        return root;
    }

    /** The values of one consumer's templates: the service's values plus the consumer's own. */
    public Map<String, Object> consumerValues(int index) {
        Map<String, Object> values = new LinkedHashMap<>(root);
        values.putAll(consumers.get(index));
        return values;
    }

    /** {@code src/main/java/com/example/learning/} + relative. */
    public String mainJava(String relative) {
        return "src/main/java/" + spec.basePackage().replace('.', '/') + "/" + relative;
    }

    public String testJava(String relative) {
        return "src/test/java/" + spec.basePackage().replace('.', '/') + "/" + relative;
    }

    /** The Flyway file name of a consumer's migration: versions follow the consumers' order, after the baseline. */
    public static String migrationFile(ConsumerSpec consumer, int index) {
        return "V" + (index + 2) + "__" + Names.snake(consumer.event()) + ".sql";
    }

    private static Map<String, Object> rootValues(PipelineSpec spec, List<Map<String, Object>> consumers) {
        boolean mysql = spec.database() == Database.MYSQL;
        String aggregateTable = Names.snake(spec.aggregate().name());
        String keyColumn = Names.snake(spec.aggregate().key());
        String totalColumn = Names.snake(spec.aggregate().total());
        // MySQL/MariaDB: DATETIME holds UTC set by the database clock, whatever the session's or server's time zone.
        String now = mysql ? "(UTC_TIMESTAMP(6))" : "CURRENT_TIMESTAMP";
        String localDatabase = spec.service().replace('-', '_');
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("service", spec.service());
        v.put("serviceTitle", title(spec.service()));
        v.put("description", title(spec.service()) + ": consumes " + topicsText(spec) + " and publishes " + spec.publishes().topic());
        v.put("appClass", Names.pascal(spec.service()) + "Application");
        v.put("package", spec.basePackage());
        v.put("groupId", spec.basePackage());
        v.put("springBootVersion", SPRING_BOOT_VERSION);
        v.put("resilience4jVersion", RESILIENCE4J_VERSION);
        v.put("debeziumVersion", spec.database() == Database.MYSQL ? DEBEZIUM_BINLOG_VERSION : DEBEZIUM_VERSION);
        boolean cdcRelay = spec.relay() == Relay.DEBEZIUM;
        v.put("cdcRelay", cdcRelay);
        v.put("pollingRelay", !cdcRelay);
        // PostgreSQL's replication slot outlives the relay: dropping the database must end the slot's connection first.
        v.put("cdcPostgres", cdcRelay && !mysql);
        v.put("cdcBinlog", cdcRelay && mysql);
        v.put("tenetVersion", BuildInfo.version());
        v.put("consumerTopicsText", topicsText(spec));
        v.put("aggregateClass", spec.aggregate().name());
        v.put("aggregateVar", Names.camel(spec.aggregate().name()));
        v.put("aggregateTable", aggregateTable);
        v.put("aggregatePath", Names.kebab(spec.aggregate().name()));
        v.put("keyField", spec.aggregate().key());
        v.put("keyColumn", keyColumn);
        v.put("totalField", spec.aggregate().total());
        v.put("totalColumn", totalColumn);
        v.put("publishedClass", spec.publishes().event());
        v.put("publishedVar", Names.camel(spec.publishes().event()));
        v.put("publishedKebab", Names.kebab(spec.publishes().event()));
        v.put("publishedTopic", spec.publishes().topic());
        v.put("publishedSchemaVersion", EventSchemaDocument.FIRST_VERSION);
        v.put("publishedSchemaPath", EventSchemaDocument.path(spec.publishes().topic(), EventSchemaDocument.FIRST_VERSION));
        v.put("partitions", spec.partitions());
        int concurrency = listenerConcurrency(spec.partitions());
        v.put("listenerConcurrency", concurrency);
        // Listener threads x replicas = partitions: a consumer beyond the partition count sits idle.
        v.put("maxReplicas", spec.partitions() / concurrency);
        // A connection for every listener thread, the outbox relay and a few for the read endpoint and health checks.
        v.put("dbPoolSize", concurrency + 1 + 4);
        v.put("retryAttempts", spec.retry().attempts());
        v.put("retryInitialInterval", Durations.format(spec.retry().initialInterval()));
        v.put("retryMultiplier", Double.toString(spec.retry().multiplier()));
        v.put("retryMaxInterval", Durations.format(spec.retry().maxInterval()));
        v.put("mysql", mysql);
        v.put("postgres", !mysql);
        v.put("databaseName", mysql ? "MariaDB/MySQL" : "PostgreSQL");
        v.put("localDatabase", localDatabase);
        v.put("jdbcUrl", mysql ? "jdbc:mariadb://localhost:3306/" + localDatabase + "?useBulkStmts=true"
                : "jdbc:postgresql://localhost:5432/" + localDatabase + "?reWriteBatchedInserts=true");
        v.put("dbUser", mysql ? "root" : "postgres");
        v.put("testAdminUrl", mysql ? "jdbc:mariadb://127.0.0.1:3306/test?useBulkStmts=true"
                : "jdbc:postgresql://127.0.0.1:5432/postgres?reWriteBatchedInserts=true");
        v.put("testDbUser", mysql ? "root" : "postgres");
        // Port 9 (discard) has no database on any machine: the start-up test's unreachable server.
        v.put("unreachableJdbcUrl", mysql ? "jdbc:mariadb://127.0.0.1:9/none" : "jdbc:postgresql://127.0.0.1:9/none");
        v.put("dropDatabaseSql", mysql ? "DROP DATABASE IF EXISTS %s" : "DROP DATABASE IF EXISTS %s WITH (FORCE)");
        // MySQL's TIMESTAMP ends in 2038 and shifts with the session time zone; DATETIME(6) in UTC does neither.
        v.put("timestampType", mysql ? "DATETIME(6)" : "TIMESTAMPTZ");
        // Every table compares strings byte for byte, as Java and PostgreSQL do: MySQL's default collations would
        // make 'Alice' equal 'alice', and the server's default character set may not be utf8mb4.
        v.put("tableOptions", mysql ? " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : "");
        v.put("now", now);
        v.put("identityColumn", mysql ? "BIGINT AUTO_INCREMENT PRIMARY KEY" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
        v.put("payloadType", mysql ? "MEDIUMTEXT" : "TEXT");
        v.put("outboxShards", spec.partitions());
        v.put("outboxLeaseRows", IntStream.range(0, spec.partitions()).mapToObj(s -> "(" + s + ", 0)")
                .collect(Collectors.joining(", ")));
        // The database's clock, read when the statement runs, decides every lease: replicas' clocks may disagree.
        v.put("clockNow", mysql ? "UTC_TIMESTAMP(6)" : "clock_timestamp()");
        v.put("outboxOldestAgeSeconds", mysql ? "TIMESTAMPDIFF(MICROSECOND, MIN(created_at), UTC_TIMESTAMP(6)) / 1000000.0"
                : "EXTRACT(EPOCH FROM clock_timestamp() - MIN(created_at))");
        // One waiting outbox_message row as the one-message array of an outbox_batch row (the upgrade's move).
        v.put("outboxMoveMessage", (mysql ? "JSON_ARRAY(JSON_OBJECT(" : "json_build_array(json_build_object(")
                + "'eventId', event_id, 'key', message_key, 'payload', payload, 'traceparent', traceparent))" + (mysql ? "" : "::text"));
        v.put("leaseExpiry", mysql ? "TIMESTAMPADD(MICROSECOND, :leaseMicros, UTC_TIMESTAMP(6))"
                : "clock_timestamp() + CAST(:leaseMicros AS DOUBLE PRECISION) * INTERVAL '1 microsecond'");
        // One statement per batch costs the database far less than a JDBC batch of single-row upserts. MySQL deprecates
        // VALUES(col) in ON DUPLICATE KEY UPDATE (8.0.20) and MariaDB lacks the row alias that replaces it; both read the
        // batch's rows from JSON_TABLE (MySQL 8.0.4, MariaDB 10.6, the versions SKIP LOCKED needs too): one JSON
        // parameter, a statement text that never changes, and about a third less of the server's CPU than the rows as
        // a derived table of SELECTs joined by UNION ALL (scaffolder/bench/db-statement-cost.sh).
        String onConflict = mysql
                ? " ON DUPLICATE KEY UPDATE " + totalColumn + " = " + aggregateTable + "." + totalColumn + " + incoming." + totalColumn
                        + ", updated_at = " + now
                : " ON CONFLICT (" + keyColumn + ") DO UPDATE SET " + totalColumn + " = " + aggregateTable + "." + totalColumn
                        + " + EXCLUDED." + totalColumn + ", updated_at = " + now;
        String insertInto = "INSERT INTO " + aggregateTable + " (" + keyColumn + ", " + totalColumn + ") ";
        // Wider than the column, so a longer key fails at the insert instead of being cut here (the events refuse one first).
        v.put("upsertFromJson", insertInto + "SELECT " + keyColumn + ", " + totalColumn + " FROM JSON_TABLE(?, '$[*]' COLUMNS ("
                + keyColumn + " VARCHAR(1024) PATH '$[0]' ERROR ON ERROR, " + totalColumn + " BIGINT PATH '$[1]' ERROR ON ERROR)) AS incoming" + onConflict);
        v.put("upsertHead", insertInto + "VALUES ");
        v.put("upsertRow", "(?, ?)");
        v.put("upsertTail", onConflict);
        v.put("eventIdLength", EVENT_ID_LENGTH);
        // The event records refuse values wider than their columns, which INSERT IGNORE would cut.
        v.put("stringLength", FieldType.STRING_LENGTH);
        v.put("decimalIntegerDigits", FieldType.DECIMAL_PRECISION - FieldType.DECIMAL_SCALE);
        // One bounded batch of rows older than the retention (%1$s table, %2$s its time column), by the database's clock:
        // a short transaction each, so a purge never holds many locks for long.
        v.put("purgeBatchSql", mysql
                ? "DELETE FROM %1$s WHERE %2$s < TIMESTAMPADD(MICROSECOND, -?, UTC_TIMESTAMP(6)) ORDER BY %2$s LIMIT ?"
                : "DELETE FROM %1$s WHERE ctid = ANY (ARRAY(SELECT ctid FROM %1$s WHERE %2$s < now() - CAST(? AS DOUBLE PRECISION)"
                + " * INTERVAL '1 microsecond' ORDER BY %2$s LIMIT ?))");
        v.put("ageRowsSql", mysql ? "UPDATE %1$s SET %2$s = TIMESTAMPADD(MICROSECOND, -?, UTC_TIMESTAMP(6)) WHERE %3$s = ?"
                : "UPDATE %1$s SET %2$s = now() - CAST(? AS DOUBLE PRECISION) * INTERVAL '1 microsecond' WHERE %3$s = ?");
        v.put("dbImage", mysql ? "mariadb:11.4" : "postgres:16");
        v.put("redisIdempotency", spec.idempotency() == IdempotencyStore.REDIS);
        v.put("databaseIdempotency", spec.idempotency() == IdempotencyStore.DATABASE);
        v.put("idempotencyTtl", Durations.format(spec.idempotencyTtl()));
        v.put("redis", spec.idempotency() == IdempotencyStore.REDIS || spec.cache().isPresent());
        v.put("cache", spec.cache().isPresent());
        spec.cache().ifPresent(c -> v.put("cacheTtl", Durations.format(c.ttl())));
        v.put("tieredCache", spec.cache().filter(CacheSpec::tiered).isPresent());
        spec.cache().filter(CacheSpec::tiered).ifPresent(c -> {
            v.put("cacheLocalTtl", Durations.format(c.localTtl()));
            v.put("cacheLocalMaxSize", c.localMaxSize());
            v.put("cacheInvalidationTopic", spec.service() + "." + Names.kebab(spec.aggregate().name()) + ".cache-invalidated");
        });
        v.put("partner", spec.partner().isPresent());
        spec.partner().ifPresent(p -> {
            v.put("partnerClass", p.name());
            v.put("partnerVar", Names.camel(p.name()));
            v.put("partnerKebab", Names.kebab(p.name()));
            v.put("partnerBaseUrl", p.baseUrl());
            v.put("partnerPath", p.path());
            v.put("partnerConnectTimeout", Durations.format(p.connectTimeout()));
            v.put("partnerReadTimeout", Durations.format(p.readTimeout()));
        });
        Map<String, Object> drill = consumers.get(0);
        v.put("drillEvent", drill.get("eventClass"));
        v.put("drillTopic", drill.get("topic"));
        v.put("drillTable", drill.get("table"));
        v.put("drillIdField", drill.get("idField"));
        v.put("drillIdColumn", Names.snake((String) drill.get("idField")));
        v.put("drillAmountField", drill.get("amountField"));
        v.put("consumers", consumers);
        v.put("dependencies", Dependencies.of(spec));
        return v;
    }

    private static Map<String, Object> consumerValues(PipelineSpec spec, ConsumerSpec c, int index) {
        String table = Names.snake(c.event());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("eventClass", c.event());
        v.put("eventVar", Names.camel(c.event()));
        v.put("eventKebab", Names.kebab(c.event()));
        v.put("listenerId", Names.kebab(c.event()));
        v.put("table", table);
        v.put("topic", c.topic());
        v.put("dlt", c.deadLetterTopic());
        v.put("idField", c.id());
        v.put("amountField", c.amount());
        v.put("migrationFile", migrationFile(c, index));
        List<Map<String, Object>> fields = new ArrayList<>();
        List<Map<String, Object>> columns = new ArrayList<>();
        for (FieldSpec f : c.fields()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", f.name());
            field.put("boundedString", f.type() == FieldType.STRING && !f.name().equals(c.id()));
            field.put("decimal", f.type() == FieldType.DECIMAL);
            field.put("instant", f.type() == FieldType.INSTANT);
            field.put("doc", f.name().equals(c.id()) ? "the event's id (deduplicated on)"
                    : f.name().equals(c.key()) ? "the key (also the record key)"
                    : f.name().equals(c.amount()) ? "added to " + spec.aggregate().total() : f.type().key());
            fields.add(field);
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("column", Names.snake(f.name()));
            column.put("sqlType", f.name().equals(c.id()) ? "VARCHAR(" + EVENT_ID_LENGTH + ")" : f.type().sqlType(spec.database()));
            if (f.name().equals(c.id())) {
                column.put("primaryKey", true);
            }
            columns.add(column);
        }
        v.put("fields", fields);
        v.put("columns", columns);
        v.put("recordComponents", c.fields().stream().map(f -> f.type().javaType() + " " + f.name()).collect(Collectors.joining(", ")));
        List<String> columnNames = c.fields().stream().map(f -> Names.snake(f.name())).toList();
        // Instants are bound as java.time values in UTC, the columns' zone: a java.sql.Timestamp costs the MariaDB driver
        // a SimpleDateFormat and a Calendar per value (12 % of the listeners' CPU in a profile of the sample's bench).
        String utcValue = spec.database() == Database.MYSQL ? "java.time.LocalDateTime" : "java.time.OffsetDateTime";
        String rowValues = c.fields().stream().map(f -> switch (f.type()) {
            case INSTANT -> utcValue + ".ofInstant(e." + f.name() + "(), java.time.ZoneOffset.UTC)";
            default -> "e." + f.name() + "()";
        }).collect(Collectors.joining(", "));
        v.put("insertSql", "INSERT INTO " + table + " (" + String.join(", ", columnNames) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columnNames.size(), "?")) + ")");
        v.put("insertRow", "new Object[] {" + rowValues + "}");
        v.put("idColumn", Names.snake(c.id()));
        v.put("columnNames", columnNames.stream().map(name -> '"' + name + '"').collect(Collectors.joining(", ")));
        v.put("sampleJson", "{" + c.fields().stream().map(f -> "\\\"" + f.name() + "\\\":" + sample(c, f))
                .collect(Collectors.joining(",")) + "}");
        return v;
    }

    private static String sample(ConsumerSpec c, FieldSpec f) {
        if (f.name().equals(c.id())) {
            return "\\\"%1$s\\\"";
        }
        if (f.name().equals(c.key())) {
            return "\\\"%2$s\\\"";
        }
        if (f.name().equals(c.amount())) {
            return "%3$d";
        }
        return switch (f.type()) {
            case STRING -> "\\\"sample\\\"";
            case INT, LONG -> "1";
            case BOOLEAN -> "true";
            case DECIMAL -> "1.5";
            case INSTANT -> "\\\"2026-01-01T00:00:00Z\\\"";
        };
    }

    private static String topicsText(PipelineSpec spec) {
        List<String> topics = spec.consumers().stream().map(ConsumerSpec::topic).toList();
        return topics.size() == 1 ? topics.get(0)
                : String.join(", ", topics.subList(0, topics.size() - 1)) + " and " + topics.get(topics.size() - 1);
    }

    private static String title(String kebab) {
        return java.util.Arrays.stream(kebab.split("-")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining(" "));
    }

    /** Up to three listener threads per replica, a divisor of the partition count so that replicas x threads = partitions. */
    static int listenerConcurrency(int partitions) {
        for (int threads = Math.min(partitions, 3); threads > 1; threads--) {
            if (partitions % threads == 0) {
                return threads;
            }
        }
        return 1;
    }
}
