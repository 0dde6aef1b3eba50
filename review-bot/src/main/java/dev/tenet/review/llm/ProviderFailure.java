package dev.tenet.review.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.tenet.rules.config.LlmSettings;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Says why a call to the model failed, in Tenet's words only: a provider's error text can echo the request
 * or part of the key, so none of it is repeated.
 */
final class ProviderFailure {
    private ProviderFailure() {
    }

    static String describe(RuntimeException e, String hunk, LlmSettings settings) {
        return "the call for " + hunk + " " + reason(e, settings);
    }

    /** Scheme, host and port of the endpoint: a URL's user info could hold a credential. */
    private static String where(LlmSettings settings) {
        return settings.baseUrl().map(url -> {
            try {
                java.net.URI uri = java.net.URI.create(url);
                return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            } catch (IllegalArgumentException e) {
                return "the configured baseUrl";
            }
        }).orElse("the " + settings.provider().key() + " endpoint");
    }

    private static String reason(RuntimeException e, LlmSettings settings) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpTimeoutException || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof TimeoutException || cause instanceof dev.langchain4j.exception.TimeoutException) {
                return "timed out after " + settings.timeout().toSeconds() + " s";
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException) {
                return "could not connect to " + where(settings);
            }
        }
        if (e instanceof AuthenticationException) {
            return "was refused: the provider did not accept the API key";
        }
        if (e instanceof RateLimitException) {
            return "was rate-limited by the provider";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http) {
                return "failed with HTTP " + http.statusCode();
            }
        }
        return "failed (" + e.getClass().getSimpleName() + ")";
    }
}
