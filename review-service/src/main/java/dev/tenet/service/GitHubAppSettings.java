package dev.tenet.service;

import dev.tenet.review.github.AppJwt;
import java.time.Instant;
import java.util.Objects;

/**
 * The GitHub App the webhook reviews as.
 *
 * @param appId         the App's id
 * @param privateKeyPem the App's private key (PEM)
 * @param apiUrl        GitHub's REST API ({@code https://api.github.com}, or a GitHub Enterprise Server's {@code /api/v3})
 * @param webhookSecret the secret GitHub signs deliveries with
 * @param reviewDrafts  whether draft pull requests are reviewed too
 * @param workers       reviews running at once
 * @param queueCapacity jobs accepted and not finished before the webhook answers 503
 */
public record GitHubAppSettings(String appId, String privateKeyPem, String apiUrl, String webhookSecret, boolean reviewDrafts,
        int workers, int queueCapacity) {
    public static final String DEFAULT_API_URL = "https://api.github.com";

    /** @throws IllegalArgumentException naming the setting that is wrong (never its value) */
    public GitHubAppSettings {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("the webhook needs GitHub's webhook secret in TENET_GITHUB_WEBHOOK_SECRET "
                    + "(the same value as in the GitHub App's settings)");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, not " + workers);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("--queue-capacity must be at least 1, not " + queueCapacity);
        }
        try {
            AppJwt.sign(appId, privateKeyPem, Instant.now());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the GitHub App's private key is not a valid RSA private key in PEM "
                    + "(--app-key FILE or TENET_GITHUB_APP_PRIVATE_KEY)");
        }
    }

    @Override
    public String toString() {
        return "GitHubAppSettings[appId=" + appId + ", apiUrl=" + apiUrl + ", reviewDrafts=" + reviewDrafts + "]";
    }
}
