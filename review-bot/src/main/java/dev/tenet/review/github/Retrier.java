package dev.tenet.review.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

/**
 * Retries GitHub calls that failed for a passing reason (5xx, rate or abuse limits, a dropped
 * connection) with exponential backoff, honouring {@code Retry-After}. A call that is not
 * idempotent is retried only after asking GitHub whether the failed attempt went through anyway.
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

    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private final int attempts;
    private final Duration firstDelay;
    private final Sleeper sleeper;

    public Retrier(int attempts, Duration firstDelay, Sleeper sleeper) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.firstDelay = firstDelay;
        this.sleeper = sleeper;
    }

    public static Retrier standard(Duration firstDelay) {
        return new Retrier(4, firstDelay, duration -> Thread.sleep(duration.toMillis()));
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
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Optional<T> done = alreadyDone.run();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            try {
                return call.run();
            } catch (IOException e) {
                if (!isPassing(e) || attempt == attempts) {
                    throw e;
                }
                last = e;
                pause(delay(e, attempt));
            }
        }
        throw last;
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
        return backoff.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : backoff;
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
