package dev.tenet.cli;

import dev.tenet.review.feedback.RatingStore;
import dev.tenet.review.feedback.RatingStoreException;
import dev.tenet.review.feedback.RatingsDatabase;
import dev.tenet.rules.TenetInputException;
import dev.tenet.rules.cache.DiskScanCache;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the ratings of Tenet's review comments are stored (the precision loop of {@code review --publish github} and {@code stats}). */
final class RatingsOptions {
    @Option(names = "--ratings-db", paramLabel = "URL",
            description = {"Database of the ratings of Tenet's review comments: a JDBC URL (jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:, jdbc:h2:);",
                "user and password from $TENET_RATINGS_DB_USER and $TENET_RATINGS_DB_PASSWORD.",
                "Default: $TENET_RATINGS_DB, else an H2 file 'ratings' in the cache folder."})
    String url;

    /** Opens (and migrates) the store; a database that cannot be opened is a configuration error naming it. */
    RatingStore open(Path cacheDir) {
        RatingsDatabase database = RatingsDatabase.resolve(url, System.getenv(), cacheDir != null ? cacheDir : DiskScanCache.defaultDirectory());
        try {
            return RatingStore.open(database);
        } catch (RatingStoreException e) {
            throw new TenetInputException(e.getMessage());
        }
    }
}
