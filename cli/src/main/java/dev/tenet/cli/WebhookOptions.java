package dev.tenet.cli;

import dev.tenet.rules.TenetInputException;
import dev.tenet.service.GitHubAppSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code tenet serve}'s GitHub App options: with an App id the webhook at {@code /webhooks/github} is on, without it MCP is served alone. */
final class WebhookOptions {
    static final String APP_ID_VARIABLE = "TENET_GITHUB_APP_ID";
    static final String APP_KEY_VARIABLE = "TENET_GITHUB_APP_PRIVATE_KEY";
    static final String SECRET_VARIABLE = "TENET_GITHUB_WEBHOOK_SECRET";

    @Option(names = "--app-id", paramLabel = "ID",
            description = "Review pull requests as this GitHub App (turns the webhook at /webhooks/github on). Default: $" + APP_ID_VARIABLE + ".")
    String appId;

    @Option(names = "--app-key", paramLabel = "FILE",
            description = "The GitHub App's private key (PEM). Default: the PEM text in $" + APP_KEY_VARIABLE + ".")
    Path appKey;

    @Option(names = "--github-url", paramLabel = "URL",
            description = "GitHub's API (GitHub Enterprise: https://HOST/api/v3). Default: $GITHUB_API_URL or " + GitHubAppSettings.DEFAULT_API_URL + ".")
    String apiUrl;

    @Option(names = "--review-drafts", description = "Review draft pull requests too (skipped by default).")
    boolean reviewDrafts;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Reviews running at once. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--queue-capacity", paramLabel = "N", defaultValue = "100",
            description = "Review jobs waiting or running before deliveries are refused with 503. Default: ${DEFAULT-VALUE}.")
    int queueCapacity;

    /**
     * @return the App's settings, or empty when no App id is configured
     * @throws TenetInputException naming the missing or unreadable setting
     */
    Optional<GitHubAppSettings> settings(Map<String, String> env) {
        String id = appId != null ? appId : env.get(APP_ID_VARIABLE);
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String key = appKey != null ? read(appKey) : env.get(APP_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new TenetInputException("the GitHub App " + id.strip() + " needs its private key: --app-key FILE or $" + APP_KEY_VARIABLE);
        }
        String url = apiUrl != null ? apiUrl : env.getOrDefault("GITHUB_API_URL", GitHubAppSettings.DEFAULT_API_URL);
        try {
            return Optional.of(new GitHubAppSettings(id.strip(), key, url, env.get(SECRET_VARIABLE), reviewDrafts, workers, queueCapacity));
        } catch (IllegalArgumentException e) {
            throw new TenetInputException(e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new TenetInputException(file.toString(), 0, "cannot read --app-key: " + e.getClass().getSimpleName());
        }
    }
}
