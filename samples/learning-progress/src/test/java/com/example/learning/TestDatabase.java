package com.example.learning;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A real MariaDB/MySQL database for the tests: a fresh {@code tenet_gen_*} database per test run,
 * dropped when the JVM exits, so concurrent runs never share tables. The server comes from
 * {@code TEST_DB_URL} (default {@code jdbc:mariadb://127.0.0.1:3306/test?useBulkStmts=true}), {@code TEST_DB_USER} and {@code TEST_DB_PASSWORD}.
 */
public final class TestDatabase {
    private static final String ADMIN_URL = env("TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306/test?useBulkStmts=true");
    private static final String USER = env("TEST_DB_USER", "root");
    private static final String PASSWORD = env("TEST_DB_PASSWORD", "");
    private static final int LOGIN_TIMEOUT_SECONDS = 5;
    private static String url;
    private static Optional<String> unreachable;

    private TestDatabase() {
    }

    /** The JDBC URL of this run's database, created on first use. */
    public static synchronized String url() {
        if (url == null) {
            String name = "tenet_gen_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            execute("CREATE DATABASE " + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS %s".formatted(name))));
            url = urlOf(name);
        }
        return url;
    }

    /** Why the server cannot be used, if it cannot: the tests that need it are skipped with this reason. */
    public static synchronized Optional<String> unreachable() {
        if (unreachable == null) {
            DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
            try (Connection ignored = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
                unreachable = Optional.empty();
            } catch (SQLException e) {
                String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                unreachable = Optional.of("no MariaDB/MySQL at " + ADMIN_URL + " as " + USER + " (" + reason
                        + "); start one, or point TEST_DB_URL, TEST_DB_USER and TEST_DB_PASSWORD at one");
            }
        }
        return unreachable;
    }

    /** Creates the named database unless it exists (for the local test application); returns its URL. */
    public static String ensure(String name) {
        try {
            execute("CREATE DATABASE " + name);
        } catch (IllegalStateException alreadyThere) {
            // an existing database is what we want
        }
        return urlOf(name);
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static String urlOf(String name) {
        int hostStart = ADMIN_URL.indexOf("//") + 2;
        int pathStart = ADMIN_URL.indexOf('/', hostStart);
        int query = ADMIN_URL.indexOf('?', hostStart);
        String base = ADMIN_URL.substring(0, pathStart < 0 ? (query < 0 ? ADMIN_URL.length() : query) : pathStart);
        return base + "/" + name + (query < 0 ? "" : ADMIN_URL.substring(query));
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + ADMIN_URL + " as " + USER + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
