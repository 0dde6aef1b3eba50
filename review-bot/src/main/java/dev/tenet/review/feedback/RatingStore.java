package dev.tenet.review.feedback;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The ratings and re-enables in a relational database (H2, PostgreSQL, MariaDB/MySQL), its schema
 * migrated by Flyway when the store opens. Each operation takes its own connection, so one store
 * serves a long-running process as well as one CLI run.
 */
public final class RatingStore {
    private final RatingsDatabase database;
    private final String ratings;
    private final String reenables;

    private RatingStore(RatingsDatabase database) {
        this.database = database;
        this.ratings = database.tablePrefix() + "ratings";
        this.reenables = database.tablePrefix() + "rule_reenables";
    }

    /**
     * Connects and brings the schema up to date.
     *
     * @throws RatingStoreException naming the database (never its password) when it cannot be reached or migrated
     */
    public static RatingStore open(RatingsDatabase database) {
        try {
            Flyway.configure(RatingStore.class.getClassLoader())
                    .dataSource(database.url(), database.user(), database.password())
                    .locations("classpath:dev/tenet/review/feedback/db")
                    .table(database.tablePrefix() + "ratings_schema_history")
                    .placeholders(Map.of("prefix", database.tablePrefix()))
                    // The schema may hold other tables (a shared database): start the history here, then migrate.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new RatingStoreException("cannot open the ratings database " + database.describe() + ": " + firstLine(rootMessage(e)), e);
        }
        return new RatingStore(database);
    }

    public RatingsDatabase database() {
        return database;
    }

    /**
     * Records ratings; a rater's later rating of a comment replaces an earlier, different one; an older one, or the same
     * verdict again, changes nothing.
     *
     * @return how many ratings were new or changed
     */
    public int record(Collection<Rating> batch) {
        int changed = 0;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            for (Rating rating : batch) {
                changed += upsert(connection, rating) ? 1 : 0;
            }
            connection.commit();
        } catch (SQLException e) {
            throw failure("recording " + batch.size() + " rating(s)", e);
        }
        return changed;
    }

    private boolean upsert(Connection connection, Rating rating) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT rated_at, verdict FROM " + ratings + " WHERE repository = ? AND comment_id = ? AND rater = ?")) {
            select.setString(1, rating.repository());
            select.setLong(2, rating.commentId());
            select.setString(3, rating.rater());
            try (ResultSet existing = select.executeQuery()) {
                if (existing.next()) {
                    // The same verdict again keeps its first time: a fix seen on every re-review stays in its window.
                    boolean changed = !existing.getString(2).equals(rating.verdict().name());
                    boolean newer = existing.getLong(1) < rating.ratedAt().toEpochMilli();
                    return changed && newer && update(connection, rating);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ratings
                + " (repository, comment_id, rater, pull_request, rule_id, verdict, source, rated_at, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, rating.repository());
            insert.setLong(2, rating.commentId());
            insert.setString(3, rating.rater());
            insert.setInt(4, rating.pullRequest());
            insert.setString(5, rating.ruleId());
            insert.setString(6, rating.verdict().name());
            insert.setString(7, rating.source().name());
            insert.setLong(8, rating.ratedAt().toEpochMilli());
            insert.setLong(9, System.currentTimeMillis());
            return insert.executeUpdate() == 1;
        }
    }

    private boolean update(Connection connection, Rating rating) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + ratings
                + " SET verdict = ?, source = ?, rated_at = ?, recorded_at = ?, rule_id = ? WHERE repository = ? AND comment_id = ? AND rater = ?")) {
            update.setString(1, rating.verdict().name());
            update.setString(2, rating.source().name());
            update.setLong(3, rating.ratedAt().toEpochMilli());
            update.setLong(4, System.currentTimeMillis());
            update.setString(5, rating.ruleId());
            update.setString(6, rating.repository());
            update.setLong(7, rating.commentId());
            update.setString(8, rating.rater());
            return update.executeUpdate() == 1;
        }
    }

    /** Records that a maintainer re-enabled a rule: its window of ratings starts again at {@code at}. */
    public void reenable(String ruleId, String by, Instant at) {
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + reenables + " (rule_id, reenabled_at, reenabled_by) VALUES (?, ?, ?)")) {
            insert.setString(1, ruleId);
            insert.setLong(2, at.toEpochMilli());
            insert.setString(3, by.length() > 100 ? by.substring(0, 100) : by);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("re-enabling " + ruleId, e);
        }
    }

    /** Every rule with ratings or a re-enable, by rule id, each counted over its current window. */
    public List<RuleHealth> health() {
        Map<String, Instant> since = new TreeMap<>();
        Map<String, int[]> counts = new TreeMap<>();
        try (Connection connection = connect()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT rule_id, MAX(reenabled_at) FROM " + reenables + " GROUP BY rule_id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    since.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
                    counts.put(rows.getString(1), new int[2]);
                }
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT r.rule_id, COUNT(*),"
                    + " SUM(CASE WHEN r.verdict = 'NOT_USEFUL' THEN 1 ELSE 0 END) FROM " + ratings + " r"
                    + " LEFT JOIN (SELECT rule_id, MAX(reenabled_at) AS since FROM " + reenables + " GROUP BY rule_id) e"
                    + " ON e.rule_id = r.rule_id WHERE e.since IS NULL OR r.rated_at > e.since GROUP BY r.rule_id");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), new int[] {rows.getInt(2), rows.getInt(3)});
                }
            }
        } catch (SQLException e) {
            throw failure("reading rule health", e);
        }
        List<RuleHealth> health = new ArrayList<>();
        counts.forEach((rule, count) -> health.add(new RuleHealth(rule, count[0], count[1], Optional.ofNullable(since.get(rule)))));
        return health;
    }

    /** One rule's health (zero ratings when it has none). */
    public RuleHealth health(String ruleId) {
        return health().stream().filter(h -> h.ruleId().equals(ruleId)).findFirst()
                .orElse(new RuleHealth(ruleId, 0, 0, Optional.empty()));
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private RatingStoreException failure(String what, SQLException e) {
        return new RatingStoreException("ratings database " + database.describe() + ": " + what + " failed: " + firstLine(e.getMessage()), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
