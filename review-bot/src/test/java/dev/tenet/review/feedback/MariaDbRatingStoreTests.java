package dev.tenet.review.feedback;

/** The rating store on the machine's MariaDB (127.0.0.1:3306, database {@code test}), through the MariaDB driver. */
class MariaDbRatingStoreTests extends RatingStoreContract {
    @Override
    String url() {
        return "jdbc:mariadb://127.0.0.1:3306/test";
    }

    @Override
    String user() {
        return "root";
    }
}
