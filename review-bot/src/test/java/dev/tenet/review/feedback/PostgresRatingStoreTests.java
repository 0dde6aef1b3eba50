package dev.tenet.review.feedback;

/** The rating store on the machine's PostgreSQL (127.0.0.1:5432, database {@code test}). */
class PostgresRatingStoreTests extends RatingStoreContract {
    @Override
    String url() {
        return "jdbc:postgresql://127.0.0.1:5432/test";
    }

    @Override
    String user() {
        return "postgres";
    }
}
