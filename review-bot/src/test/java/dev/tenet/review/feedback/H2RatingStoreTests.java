package dev.tenet.review.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rating store on the default database: an H2 file in the cache folder. */
class H2RatingStoreTests extends RatingStoreContract {
    @TempDir
    static Path cache;

    @Override
    String url() {
        return RatingsDatabase.resolve(null, Map.of(), cache).url();
    }

    @Test
    void theDefaultDatabaseIsAnH2FileInTheCacheFolder() {
        assertThat(RatingsDatabase.resolve(null, Map.of(), cache).url()).isEqualTo("jdbc:h2:file:" + cache.toAbsolutePath().resolve("ratings") + RatingsDatabase.H2_FILE_SETTINGS);
        assertThat(cache.resolve("ratings.mv.db")).exists();
    }

    @Test
    void theOptionWinsOverTheEnvironmentAndAMySqlUrlIsServedByTheMariaDbDriver() {
        Map<String, String> env = Map.of(RatingsDatabase.URL_ENV, "jdbc:mysql://db:3306/tenet", RatingsDatabase.USER_ENV, "tenet",
                RatingsDatabase.PASSWORD_ENV, "s3cret");
        assertThat(RatingsDatabase.resolve("jdbc:postgresql://db/tenet", env, cache).url()).isEqualTo("jdbc:postgresql://db/tenet");
        RatingsDatabase fromEnv = RatingsDatabase.resolve(null, env, cache);
        assertThat(fromEnv.url()).isEqualTo("jdbc:mariadb://db:3306/tenet");
        assertThat(fromEnv.user()).isEqualTo("tenet");
        assertThat(fromEnv.toString()).doesNotContain("s3cret");
    }

    @Test
    void anUnsupportedUrlIsRefusedByNameWithoutItsParameters() {
        assertThatThrownBy(() -> RatingsDatabase.resolve("jdbc:oracle:thin:@db?password=s3cret", Map.of(), cache))
                .hasMessage("--ratings-db 'jdbc:oracle:thin:@db' is not a supported JDBC URL (expected jdbc:h2:, jdbc:postgresql:,"
                        + " jdbc:mariadb: or jdbc:mysql:)");
    }

    @Test
    void anUnreachableDatabaseIsOneLineNamingItWithoutThePassword() {
        RatingsDatabase down = new RatingsDatabase("jdbc:postgresql://127.0.0.1:1/nothing?password=s3cret", "tenet", "s3cret", "tenet_");
        assertThatThrownBy(() -> RatingStore.open(down)).isInstanceOf(RatingStoreException.class)
                .hasMessageStartingWith("cannot open the ratings database jdbc:postgresql://127.0.0.1:1/nothing: ")
                .message().doesNotContain("s3cret").doesNotContain("\n");
    }
}
