package dev.tenet.review.feedback;

import dev.tenet.rules.TenetInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where ratings are stored: a JDBC URL (H2 file, PostgreSQL, MariaDB or MySQL), the credentials
 * and the prefix of the tables, so several stores can share one schema.
 *
 * @param url         the JDBC URL
 * @param user        the user, or {@code null}
 * @param password    the password, or {@code null}; never shown
 * @param tablePrefix prefix of every table the store creates
 */
public record RatingsDatabase(String url, String user, String password, String tablePrefix) {
    public static final String URL_ENV = "TENET_RATINGS_DB";
    public static final String USER_ENV = "TENET_RATINGS_DB_USER";
    public static final String PASSWORD_ENV = "TENET_RATINGS_DB_PASSWORD";
    public static final String DEFAULT_PREFIX = "tenet_";
    static final String H2_FILE_SETTINGS = ";DB_CLOSE_DELAY=-1;AUTO_SERVER=TRUE";
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,30}");

    public RatingsDatabase {
        if (!PREFIX.matcher(tablePrefix).matches()) {
            throw new IllegalArgumentException("table prefix '" + tablePrefix + "' is not lower-case letters, digits and _");
        }
    }

    /**
     * The database a command uses: {@code option} (e.g. {@code --ratings-db}), else {@value #URL_ENV}, else an H2
     * file database {@code ratings} in {@code cacheDir}.
     *
     * @throws TenetInputException when the URL is not a JDBC URL of a supported database
     */
    public static RatingsDatabase resolve(String option, Map<String, String> env, Path cacheDir) {
        String from = option != null ? "--ratings-db" : URL_ENV;
        String url = option != null ? option : env.get(URL_ENV);
        if (url == null || url.isBlank()) {
            // Open for the process's lifetime (no close and reopen of the file between operations); a second process
            // on the same file is served by the first over H2's automatic mixed mode instead of failing on its lock.
            url = "jdbc:h2:file:" + cacheDir.toAbsolutePath().normalize().resolve("ratings") + H2_FILE_SETTINGS;
        } else if (url.startsWith("jdbc:mysql:")) {
            // The MariaDB driver speaks to MySQL too; only it is shipped.
            url = "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
        } else if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:mariadb:")) {
            throw new TenetInputException(from + " '" + withoutParameters(url)
                    + "' is not a supported JDBC URL (expected jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:)");
        }
        return new RatingsDatabase(url, env.get(USER_ENV), env.get(PASSWORD_ENV), DEFAULT_PREFIX);
    }

    /** The URL without its parameters, which may hold a password: what messages show. */
    public String describe() {
        return withoutParameters(url);
    }

    private static String withoutParameters(String url) {
        int query = url.indexOf('?');
        int semicolon = url.startsWith("jdbc:h2:") ? url.indexOf(';') : -1;
        int end = query < 0 ? semicolon : semicolon < 0 ? query : Math.min(query, semicolon);
        return end < 0 ? url : url.substring(0, end);
    }

    @Override
    public String toString() {
        return "RatingsDatabase[" + describe() + ", user=" + user + ", prefix=" + tablePrefix + "]";
    }
}
