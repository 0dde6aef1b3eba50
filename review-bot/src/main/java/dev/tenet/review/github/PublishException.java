package dev.tenet.review.github;

/** A publish that could not complete; the message says what was posted and what was not, and that a re-run is safe. */
public final class PublishException extends RuntimeException {
    public PublishException(String headline, PublishLog log, Throwable cause) {
        super(headline + "\n" + log.describe() + "Re-running is safe: Tenet finds what it already posted and does not post it twice.",
                cause);
    }
}
