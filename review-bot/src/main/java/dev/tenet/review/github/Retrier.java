package dev.tenet.review.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

/**
 * Retries GitHub calls that failed for a passing reason (5xx, a dropped connection) with exponential
 * backoff, and waits out GitHub's rate limits as GitHub asks: until {@code X-RateLimit-Reset} when
 * {@code X-RateLimit-Remaining} is 0, {@code Retry-After} when given, else at least a minute (a
 * secondary limit). Rate-limit waits add up to at most the caller's maximum; a longer one throws
 * {@link RateLimitedException} at once. A call that is not idempotent is retried only after asking
 * GitHub whether the failed attempt went through anyway. The rate-limit waits add up over the
 * retrier's life: use one per review (per job in the service).
 */
public final class Retrier {
    /** One call to GitHub. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws IOException;
    }

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** GitHub: without {@code Retry-After} or an exhausted primary limit, wait at least one minute after a secondary limit. */
    private static final Duration SECONDARY_LIMIT_WAIT = Duration.ofSeconds(60);
    private static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

    private final int attempts;
    private final Duration firstDelay;
    private final Duration maxRateLimitWait;
    private final Sleeper sleeper;
    private final Clock clock;
    private Duration rateLimitWaited = Duration.ZERO;

    public Retrier(int attempts, Duration firstDelay, Sleeper sleeper) {
        this(attempts, firstDelay, DEFAULT_MAX_RATE_LIMIT_WAIT, sleeper, Clock.systemUTC());
    }

    /**
     * @param maxRateLimitWait the longest this retrier waits, in all, for GitHub's rate limits; a longer wait throws
     *                         {@link RateLimitedException} with the time GitHub will answer again
     */
    public Retrier(int attempts, Duration firstDelay, Duration maxRateLimitWait, Sleeper sleeper, Clock clock) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("the maximum rate-limit wait must not be negative");
        }
        this.attempts = attempts;
        this.firstDelay = firstDelay;
        this.maxRateLimitWait = maxRateLimitWait;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public static Retrier standard(Duration firstDelay) {
        return standard(firstDelay, DEFAULT_MAX_RATE_LIMIT_WAIT);
    }

    /** Four attempts with backoff from {@code firstDelay}; rate limits waited out for up to {@code maxRateLimitWait} in all. */
    public static Retrier standard(Duration firstDelay, Duration maxRateLimitWait) {
        return new Retrier(4, firstDelay, maxRateLimitWait, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
    }

    /** Runs an idempotent call (a read, a PATCH, a DELETE), retrying passing failures. */
    public <T> T call(Call<T> call) throws IOException {
        return call(call, Optional::empty);
    }

    /**
     * Runs a call that creates something. After a passing failure, {@code alreadyDone} is asked
     * first; when it finds what the call would have created, that is returned instead of calling again.
     */
    public <T> T call(Call<T> call, Call<Optional<T>> alreadyDone) throws IOException {
        IOException last = null;
        boolean retrying = false;
        for (int attempt = 1; attempt <= attempts; ) {
            if (retrying) {
                Optional<T> done = alreadyDone.run();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            try {
                return call.run();
            } catch (IOException e) {
                retrying = true;
                Optional<RateLimit> limit = e instanceof HttpException http ? RateLimit.of(http, clock.instant()) : Optional.empty();
                if (limit.isPresent()) {
                    // Waiting out a rate limit is not a failed attempt: the caller's maximum wait bounds it instead.
                    waitOut(limit.get(), e);
                    continue;
                }
                if (!isPassing(e) || attempt == attempts) {
                    throw e;
                }
                last = e;
                pause(delay(e, attempt));
                attempt++;
            }
        }
        throw last;
    }

    private void waitOut(RateLimit limit, IOException cause) throws IOException {
        Duration total = rateLimitWaited.plus(limit.delay());
        if (total.compareTo(maxRateLimitWait) > 0) {
            RateLimitedException stop = new RateLimitedException("GitHub's " + limit.kind() + " rate limit asks to wait until " + limit.until()
                    + " (" + limit.delay().toSeconds() + " s), longer than the " + maxRateLimitWait.toSeconds() + " s allowed", limit.until());
            stop.initCause(cause);
            throw stop;
        }
        rateLimitWaited = total;
        pause(limit.delay());
    }

    private void pause(Duration duration) throws IOException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry a GitHub call");
        }
    }

    private Duration delay(IOException e, int attempt) {
        Duration backoff = firstDelay.multipliedBy(1L << (attempt - 1));
        if (e instanceof HttpException http) {
            Optional<Duration> retryAfter = header(http, "Retry-After").flatMap(Retrier::seconds);
            if (retryAfter.isPresent()) {
                backoff = retryAfter.get();
            }
        }
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    static boolean isPassing(IOException e) {
        if (e instanceof GHFileNotFoundException) {
            return false;
        }
        if (e instanceof HttpException http) {
            int code = http.getResponseCode();
            return code >= 500 || code == 429 || code == 403 && String.valueOf(http.getMessage()).toLowerCase().contains("limit")
                    || code == -1 && (e.getCause() instanceof SocketException || e.getCause() instanceof HttpTimeoutException);
        }
        return e instanceof SocketException || e instanceof HttpTimeoutException;
    }

    /** A rate limit GitHub answered with: which one, how long it asks to wait, and until when. */
    record RateLimit(String kind, Duration delay, Instant until) {
        static Optional<RateLimit> of(HttpException http, Instant now) {
            int code = http.getResponseCode();
            if (code != 403 && code != 429) {
                return Optional.empty();
            }
            Optional<Duration> retryAfter = header(http, "Retry-After").flatMap(Retrier::seconds);
            boolean exhausted = header(http, "X-RateLimit-Remaining").map(String::strip).filter("0"::equals).isPresent();
            Optional<Instant> reset = header(http, "X-RateLimit-Reset").flatMap(Retrier::seconds).map(s -> Instant.ofEpochSecond(s.toSeconds()));
            if (retryAfter.isPresent()) {
                return Optional.of(limit(exhausted ? "primary" : "secondary", retryAfter.get(), now));
            }
            if (exhausted && reset.isPresent()) {
                Duration wait = Duration.between(now, reset.get()).plusSeconds(1);
                return Optional.of(limit("primary", wait.isNegative() ? Duration.ofSeconds(1) : wait, now));
            }
            String message = String.valueOf(http.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (code == 429 || message.contains("secondary rate limit") || message.contains("abuse") || message.contains("rate limit")) {
                return Optional.of(limit("secondary", SECONDARY_LIMIT_WAIT, now));
            }
            return Optional.empty();
        }

        private static RateLimit limit(String kind, Duration wait, Instant now) {
            return new RateLimit(kind, wait, now.plus(wait));
        }
    }

    private static Optional<String> header(HttpException http, String name) {
        Map<String, List<String>> headers = http.getResponseHeaderFields();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream().filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name))
                .flatMap(h -> h.getValue().stream()).findFirst();
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
