package dev.tenet.review.feedback;

/** The ratings database could not be reached, migrated, read or written; the message names it and never holds a password. */
public final class RatingStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RatingStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
