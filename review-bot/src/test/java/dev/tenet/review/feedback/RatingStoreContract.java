package dev.tenet.review.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rating store's behaviour, run once per database; each test has its own table prefix and drops its tables. */
abstract class RatingStoreContract {
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    RatingsDatabase database;
    RatingStore store;

    abstract String url();

    String user() {
        return null;
    }

    @BeforeEach
    void open() throws SQLException {
        skipWithoutServer();
        database = new RatingsDatabase(url(), user(), null, "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_");
        store = RatingStore.open(database);
    }

    /** On a machine without this database server (only Java), the contract is skipped with the reason, not failed. */
    private void skipWithoutServer() throws SQLException {
        DriverManager.setLoginTimeout(5);
        try (Connection probe = DriverManager.getConnection(url(), user(), null)) {
            probe.isValid(5);
        } catch (SQLException e) {
            boolean unreachable = e.getSQLState() != null && e.getSQLState().startsWith("08");
            Assumptions.assumeFalse(unreachable, () -> "no database server at " + url() + ": " + e.getMessage());
            throw e;
        }
    }

    @AfterEach
    void dropTables() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            for (String table : List.of("ratings", "rule_reenables", "ratings_schema_history")) {
                statement.execute("DROP TABLE IF EXISTS " + database.tablePrefix() + table);
            }
        }
    }

    static Rating rating(String rule, long comment, String rater, Verdict verdict, Instant at) {
        return new Rating("acme/learning", 7, comment, rule, rater, verdict, Rating.Source.REACTION, at);
    }

    static List<Rating> ratings(String rule, int useful, int notUseful, Instant at) {
        List<Rating> ratings = new ArrayList<>();
        long firstComment = 1000L * (1 + Math.abs(rule.hashCode() % 1000));
        for (int i = 0; i < useful + notUseful; i++) {
            ratings.add(rating(rule, firstComment + i, "user" + i, i < notUseful ? Verdict.NOT_USEFUL : Verdict.USEFUL, at.plusSeconds(i)));
        }
        return ratings;
    }

    @Test
    void openingAgainFindsTheSchemaMigratedAndKeepsTheRatings() {
        store.record(ratings("a.rule", 3, 1, T0));

        RatingStore again = RatingStore.open(database);

        assertThat(again.health()).containsExactly(new RuleHealth("a.rule", 4, 1, Optional.empty()));
    }

    @Test
    void aRatersLaterRatingOfACommentReplacesTheEarlierOneAndAnOlderOneIsIgnored() {
        assertThat(store.record(List.of(rating("a.rule", 10, "octocat", Verdict.USEFUL, T0)))).isEqualTo(1);
        assertThat(store.record(List.of(rating("a.rule", 10, "octocat", Verdict.NOT_USEFUL, T0.plusSeconds(60))))).isEqualTo(1);
        assertThat(store.record(List.of(rating("a.rule", 10, "octocat", Verdict.USEFUL, T0.plusSeconds(30))))).isZero();
        assertThat(store.record(List.of(rating("a.rule", 10, "octocat", Verdict.NOT_USEFUL, T0.plusSeconds(60))))).as("same again").isZero();

        assertThat(store.health()).containsExactly(new RuleHealth("a.rule", 1, 1, Optional.empty()));
    }

    @Test
    void aRuleIsDemotedAtTenPercentNotUsefulOverTwentyRatingsAndNotBelowEither() {
        store.record(ratings("at.threshold", 18, 2, T0));
        store.record(ratings("too.few", 17, 2, T0));
        store.record(ratings("below.rate", 19, 1, T0));

        assertThat(store.health()).extracting(RuleHealth::ruleId, RuleHealth::ratings, RuleHealth::notUseful, RuleHealth::demoted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("at.threshold", 20, 2, true),
                        org.assertj.core.groups.Tuple.tuple("below.rate", 20, 1, false),
                        org.assertj.core.groups.Tuple.tuple("too.few", 19, 2, false));
    }

    @Test
    void reEnablingStartsAFreshWindowThatDemotesAgainOnlyOnceItCrossesTheThresholdItself() {
        store.record(ratings("noisy.rule", 10, 10, T0));
        assertThat(store.health("noisy.rule").demoted()).isTrue();

        Instant reenabled = T0.plusSeconds(3600);
        store.reenable("noisy.rule", "maintainer", reenabled);
        assertThat(store.health("noisy.rule")).isEqualTo(new RuleHealth("noisy.rule", 0, 0, Optional.of(reenabled)));

        List<Rating> fresh = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            fresh.add(rating("noisy.rule", 500 + i, "late" + i, i < 5 ? Verdict.NOT_USEFUL : Verdict.USEFUL, reenabled.plusSeconds(i + 1)));
        }
        store.record(fresh);
        assertThat(store.health("noisy.rule").demoted()).as("19 fresh ratings are too few").isFalse();

        store.record(List.of(rating("noisy.rule", 600, "one-more", Verdict.USEFUL, reenabled.plusSeconds(100))));
        RuleHealth health = store.health("noisy.rule");
        assertThat(health.ratings()).isEqualTo(20);
        assertThat(health.notUseful()).isEqualTo(5);
        assertThat(health.demoted()).isTrue();
        assertThat(health.demotionNote()).isEqualTo("demoted: 25 % not useful over 20 ratings \u2014 a maintainer can re-enable it with "
                + "`tenet stats --reenable noisy.rule`");
    }

    @Test
    void aSchemaHoldingOtherTablesIsMigratedAlongsideThem() throws SQLException {
        String other = database.tablePrefix() + "unrelated";
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + other + " (id INT)");
        }
        try {
            RatingsDatabase second = new RatingsDatabase(database.url(), database.user(), null, database.tablePrefix() + "b_");
            RatingStore beside = RatingStore.open(second);
            beside.record(ratings("b.rule", 1, 0, T0));
            assertThat(beside.health()).extracting(RuleHealth::ruleId).containsExactly("b.rule");
            assertThat(store.health()).as("the first store's tables are its own").isEmpty();
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                 Statement statement = connection.createStatement()) {
                for (String table : List.of("ratings", "rule_reenables", "ratings_schema_history")) {
                    statement.execute("DROP TABLE IF EXISTS " + second.tablePrefix() + table);
                }
            }
        } finally {
            try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + other);
            }
        }
    }
}
