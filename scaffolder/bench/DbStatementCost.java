import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

/**
 * MariaDB server CPU per 100,000 events for each statement the generated pipeline runs per batch, next to the bare
 * loop's one insert, on the generated service's own table shapes (V1/V2 migrations of the sample). Tells where the
 * pipeline's database time goes and what an outbox shape would save. Run by scaffolder/bench/db-statement-cost.sh.
 */
public class DbStatementCost {
    private static final int BATCH = 500;
    private static final int USERS = 1000;
    private static final String CONSUMER = "lecture-watched";
    private static final String TOPIC = "learning.progress-updated";

    private interface Statements {
        void run(Connection connection, List<String> ids, List<String> users) throws SQLException;
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:mariadb://127.0.0.1:3306/test?useBulkStmts=true";
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String user = System.getenv().getOrDefault("DB_USER", "root"); // as the generated service reads them
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            createTables(connection);
            Map<String, Statements> cases = cases();
            Random random = new Random(1);
            System.out.printf("MariaDB CPU per %,d events (%d batches of %d, one transaction each, %d users)%n", batches * BATCH, batches,
                    BATCH, USERS);
            for (int round = 0; round < 2; round++) { // the first round warms the JIT compiler, the server and the buffer pool
                for (Map.Entry<String, Statements> c : cases.entrySet()) {
                    long ticks = mariaDbTicks();
                    long started = System.nanoTime();
                    for (int b = 0; b < batches; b++) {
                        List<String> ids = new ArrayList<>(BATCH);
                        List<String> users = new ArrayList<>(BATCH);
                        for (int i = 0; i < BATCH; i++) {
                            ids.add(UUID.randomUUID().toString());
                            users.add("user-" + random.nextInt(USERS));
                        }
                        c.getValue().run(connection, ids, users);
                        connection.commit();
                    }
                    if (round == 1) {
                        System.out.printf("  %-82s %5.2f CPU-s  (wall %5.2f s)%n", c.getKey(), (mariaDbTicks() - ticks) / 100.0,
                                (System.nanoTime() - started) / 1e9);
                    }
                }
            }
            try (Statement drop = connection.createStatement()) {
                drop.execute("DROP TABLE cost_bare_event, cost_processed_event, cost_lecture_watched, cost_training_progress, "
                        + "cost_outbox_message, cost_outbox_transaction, cost_outbox_lock");
            }
        }
    }

    private static Map<String, Statements> cases() {
        Map<String, Statements> cases = new LinkedHashMap<>();
        cases.put("bare loop: JDBC batch insert (3 columns)", (c, ids, users) -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cost_bare_event (event_id, user_id, minutes) VALUES (?, ?, ?)")) {
                for (int i = 0; i < ids.size(); i++) {
                    p.setString(1, ids.get(i));
                    p.setString(2, users.get(i));
                    p.setInt(3, 3);
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
        cases.put("earlier: claim ids (multi-row INSERT IGNORE processed_event)", (c, ids, users) -> {
            long token = new Random().nextLong();
            List<Object> values = new ArrayList<>();
            ids.forEach(id -> values.addAll(List.of(CONSUMER, id, token)));
            update(c, "INSERT IGNORE INTO cost_processed_event (consumer, event_id, claim_token) VALUES " + rows(ids.size(), 3), values);
        });
        cases.put("alternative: claim ids (JDBC batch INSERT IGNORE, count from getUpdateCount)", (c, ids, users) -> {
            long token = new Random().nextLong();
            try (PreparedStatement p = c.prepareStatement("INSERT IGNORE INTO cost_processed_event (consumer, event_id, claim_token) VALUES (?, ?, ?)")) {
                for (String id : ids) {
                    p.setString(1, CONSUMER);
                    p.setString(2, id);
                    p.setLong(3, token);
                    p.addBatch();
                }
                p.executeBatch();
                if (p.getUpdateCount() != ids.size()) {
                    throw new IllegalStateException("expected every id claimed, the driver reported " + p.getUpdateCount());
                }
            }
        });
        cases.put("earlier: store refined events (JDBC batch insert)", (c, ids, users) -> insertEventsInBatch(c, "INSERT", ids, users));
        cases.put("alternative: add to totals, VALUES() upsert + SELECT (deprecated by MySQL 8.0.20)", (c, ids, users) -> {
            List<String> keys = new ArrayList<>(new TreeSet<>(users));
            List<Object> values = new ArrayList<>();
            keys.forEach(k -> values.addAll(List.of(k, 3L)));
            update(c, "INSERT INTO cost_training_progress (user_id, training_minutes) VALUES " + rows(keys.size(), 2)
                    + " ON DUPLICATE KEY UPDATE training_minutes = training_minutes + VALUES(training_minutes), updated_at = CURRENT_TIMESTAMP(6)",
                    values);
            readTotals(c, keys);
        });
        cases.put("earlier: add to totals, UNION ALL derived table + SELECT", (c, ids, users) -> {
            List<String> keys = new ArrayList<>(new TreeSet<>(users));
            List<Object> values = new ArrayList<>();
            keys.forEach(k -> values.addAll(List.of(k, 3L)));
            update(c, "INSERT INTO cost_training_progress (user_id, training_minutes) SELECT user_id, training_minutes FROM ("
                    + String.join(" UNION ALL ", Collections.nCopies(keys.size(), "SELECT ? AS user_id, ? AS training_minutes"))
                    + ") AS incoming ON DUPLICATE KEY UPDATE training_minutes = cost_training_progress.training_minutes + incoming.training_minutes, "
                    + "updated_at = CURRENT_TIMESTAMP(6)", values);
            readTotals(c, keys);
        });
        cases.put("pipeline: add to totals, JSON_TABLE upsert + SELECT (generated now)", (c, ids, users) -> {
            List<String> keys = new ArrayList<>(new TreeSet<>(users));
            update(c, JSON_TABLE_UPSERT, List.of(incomingJson(keys)));
            readTotals(c, keys);
        });
        cases.put("alternative on MariaDB: add to totals, JSON_TABLE upsert ... RETURNING", (c, ids, users) -> {
            List<String> keys = new ArrayList<>(new TreeSet<>(users));
            try (PreparedStatement upsert = c.prepareStatement(JSON_TABLE_UPSERT + " RETURNING user_id, training_minutes")) {
                upsert.setString(1, incomingJson(keys));
                drain(upsert);
            }
        });
        cases.put("earlier: outbox, one row per event (JDBC batch insert)", (c, ids, users) -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO cost_outbox_message (event_id, topic, message_key, payload) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < ids.size(); i++) {
                    p.setString(1, ids.get(i));
                    p.setString(2, TOPIC);
                    p.setString(3, users.get(i));
                    p.setString(4, payload(ids.get(i), users.get(i)));
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
        cases.put("earlier relay: lock + SELECT a batch of outbox rows", (c, ids, users) -> {
            lockRelay(c);
            try (PreparedStatement p = c.prepareStatement("SELECT id, event_id, topic, message_key, payload FROM cost_outbox_message ORDER BY id LIMIT " + BATCH)) {
                drain(p);
            }
        });
        cases.put("earlier relay: DELETE the batch's outbox rows", (c, ids, users) -> {
            List<Object> rowIds = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM cost_outbox_message ORDER BY id LIMIT " + BATCH);
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rowIds.add(rs.getLong(1));
                }
            }
            update(c, "DELETE FROM cost_outbox_message WHERE id IN (" + String.join(", ", Collections.nCopies(rowIds.size(), "?")) + ")", rowIds);
        });
        cases.put("pipeline on MySQL: the events table as the dedup (multi-row INSERT IGNORE)", (c, ids, users) -> {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                values.addAll(List.of(ids.get(i), users.get(i), "lecture-42", 3, now));
            }
            update(c, "INSERT IGNORE INTO cost_lecture_watched (event_id, user_id, lecture_id, minutes, watched_at) VALUES " + rows(ids.size(), 5), values);
        });
        cases.put("pipeline on MariaDB: the events table as the dedup (bulk INSERT IGNORE)", (c, ids, users) -> {
            int counted = insertEventsInBatch(c, "INSERT IGNORE", ids, users);
            if (counted != ids.size()) {
                throw new IllegalStateException("expected every row counted, the driver reported " + counted);
            }
        });
        cases.put("pipeline: outbox, one row per transaction (JSON array)", (c, ids, users) -> {
            StringBuilder messages = new StringBuilder("[");
            for (int i = 0; i < ids.size(); i++) {
                messages.append(i == 0 ? "" : ",").append(payload(ids.get(i), users.get(i)));
            }
            update(c, "INSERT INTO cost_outbox_transaction (topic, messages) VALUES (?, ?)", List.of(TOPIC, messages.append(']').toString()));
        });
        cases.put("pipeline relay: lock + SELECT + DELETE of that one row", (c, ids, users) -> {
            lockRelay(c);
            List<Object> rowIds = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, topic, messages FROM cost_outbox_transaction ORDER BY id LIMIT 1");
                    ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rowIds.add(rs.getLong(1));
                    rs.getString(3);
                }
            }
            if (!rowIds.isEmpty()) {
                update(c, "DELETE FROM cost_outbox_transaction WHERE id = ?", rowIds);
            }
        });
        return cases;
    }

    private static final String JSON_TABLE_UPSERT = "INSERT INTO cost_training_progress (user_id, training_minutes) SELECT user_id, "
            + "training_minutes FROM JSON_TABLE(?, '$[*]' COLUMNS (user_id VARCHAR(1024) PATH '$[0]' ERROR ON ERROR, training_minutes BIGINT "
            + "PATH '$[1]' ERROR ON ERROR)) AS incoming ON DUPLICATE KEY UPDATE training_minutes = cost_training_progress.training_minutes "
            + "+ incoming.training_minutes, updated_at = CURRENT_TIMESTAMP(6)";

    /** The batch's {@code [key, amount]} pairs as the service binds them (the bench's keys need no JSON escaping). */
    private static String incomingJson(List<String> keys) {
        StringBuilder incoming = new StringBuilder("[");
        for (String key : keys) {
            incoming.append(incoming.length() > 1 ? "," : "").append("[\"").append(key).append("\",3]");
        }
        return incoming.append(']').toString();
    }

    /** The events as one JDBC batch of the one-row statement (MariaDB's bulk command); returns the driver's update count. */
    private static int insertEventsInBatch(Connection c, String verb, List<String> ids, List<String> users) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                verb + " INTO cost_lecture_watched (event_id, user_id, lecture_id, minutes, watched_at) VALUES (?, ?, ?, ?, ?)")) {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            for (int i = 0; i < ids.size(); i++) {
                p.setString(1, ids.get(i));
                p.setString(2, users.get(i));
                p.setString(3, "lecture-42");
                p.setInt(4, 3);
                p.setTimestamp(5, now);
                p.addBatch();
            }
            p.executeBatch();
            return p.getUpdateCount();
        }
    }

    private static void createTables(Connection connection) throws SQLException {
        String[] ddl = {
            "DROP TABLE IF EXISTS cost_bare_event, cost_processed_event, cost_lecture_watched, cost_training_progress, cost_outbox_message, "
                    + "cost_outbox_transaction, cost_outbox_lock",
            "CREATE TABLE cost_bare_event (event_id VARCHAR(100) PRIMARY KEY, user_id VARCHAR(255) NOT NULL, minutes INT NOT NULL)",
            "CREATE TABLE cost_processed_event (consumer VARCHAR(100) NOT NULL, event_id VARCHAR(100) COLLATE utf8mb4_bin NOT NULL, "
                    + "claim_token BIGINT NOT NULL, processed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (consumer, event_id))",
            "CREATE TABLE cost_lecture_watched (event_id VARCHAR(100) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY, user_id VARCHAR(255) NOT NULL, "
                    + "lecture_id VARCHAR(255) NOT NULL, minutes INT NOT NULL, watched_at TIMESTAMP(6) NOT NULL, "
                    + "consumed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))",
            "CREATE TABLE cost_training_progress (user_id VARCHAR(255) COLLATE utf8mb4_bin NOT NULL PRIMARY KEY, training_minutes BIGINT NOT NULL, "
                    + "updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))",
            "CREATE TABLE cost_outbox_message (id BIGINT AUTO_INCREMENT PRIMARY KEY, event_id VARCHAR(100) NOT NULL, topic VARCHAR(255) NOT NULL, "
                    + "message_key VARCHAR(255) NOT NULL, payload MEDIUMTEXT NOT NULL, created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))",
            "CREATE TABLE cost_outbox_transaction (id BIGINT AUTO_INCREMENT PRIMARY KEY, topic VARCHAR(255) NOT NULL, messages MEDIUMTEXT NOT NULL, "
                    + "created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))",
            "CREATE TABLE cost_outbox_lock (name VARCHAR(50) NOT NULL PRIMARY KEY)",
            "INSERT INTO cost_outbox_lock (name) VALUES ('relay')"};
        try (Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
        connection.commit();
    }

    private static void lockRelay(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM cost_outbox_lock WHERE name = 'relay' FOR UPDATE SKIP LOCKED")) {
            rs.next();
        }
    }

    private static String payload(String id, String user) {
        return "{\"eventId\":\"" + id + "\",\"userId\":\"" + user + "\",\"trainingMinutes\":12345,\"sourceEventId\":\"" + id
                + "\",\"sourceTopic\":\"learning.lecture-watched\"}";
    }

    private static String rows(int count, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(count, row));
    }

    private static void update(Connection c, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                p.setObject(i + 1, values.get(i));
            }
            p.executeUpdate();
        }
    }

    private static void readTotals(Connection c, List<String> keys) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT user_id, training_minutes FROM cost_training_progress WHERE user_id IN ("
                + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")")) {
            for (int i = 0; i < keys.size(); i++) {
                p.setString(i + 1, keys.get(i));
            }
            drain(p);
        }
    }

    private static void drain(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getString(i);
                }
            }
        }
    }

    /** utime + stime of the mariadbd process, in clock ticks, from /proc (Linux). */
    private static long mariaDbTicks() throws Exception {
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (Files.readString(process.resolve("comm")).trim().equals("mariadbd")) {
                        String stat = Files.readString(process.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (java.io.IOException gone) {
                    // the process ended while listing
                }
            }
        }
        throw new IllegalStateException("no mariadbd process on this machine: the cost is read from its /proc entry");
    }
}
