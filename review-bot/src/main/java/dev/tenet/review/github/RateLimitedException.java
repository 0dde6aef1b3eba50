package dev.tenet.review.github;

import java.io.IOException;
import java.time.Instant;

/**
 * GitHub's primary or secondary rate limit stopped a call, and the wait it asks for is longer than the caller allowed.
 * The CLI reports it and exits; the review service re-queues the job to run at {@link #retryAt()} instead of blocking a worker.
 */
public final class RateLimitedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final Instant retryAt;

    public RateLimitedException(String message, Instant retryAt) {
        super(message);
        this.retryAt = retryAt;
    }

    /** The earliest time GitHub will answer again ({@code X-RateLimit-Reset}, {@code Retry-After}, or a minute for a secondary limit). */
    public Instant retryAt() {
        return retryAt;
    }
}
