package dev.tenet.cli;

import dev.tenet.review.github.GitHubAuth;
import dev.tenet.review.github.PullRequestRef;
import dev.tenet.rules.TenetInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where and as whom {@code tenet review --publish github} publishes; each option falls back to the GitHub Actions environment. */
final class GitHubOptions {
    @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "Repository of the pull request. Default: $GITHUB_REPOSITORY.")
    String repository;

    @Option(names = "--pr", paramLabel = "N", description = "Pull request number. Default: from the event at $GITHUB_EVENT_PATH.")
    Integer pullRequest;

    @Option(names = "--github-url", paramLabel = "URL",
            description = "API base URL (GitHub Enterprise: https://HOST/api/v3). Default: $GITHUB_API_URL or https://api.github.com.")
    String apiUrl;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the token from FILE. Default: $GITHUB_TOKEN (or $GH_TOKEN).")
    Path tokenFile;

    @Option(names = "--app-id", paramLabel = "ID", description = "Authenticate as this GitHub App. Default: $TENET_GITHUB_APP_ID.")
    String appId;

    @Option(names = "--app-key", paramLabel = "FILE",
            description = "The GitHub App's private key (PEM). Default: the PEM text in $TENET_GITHUB_APP_PRIVATE_KEY.")
    Path appKey;

    @Option(names = "--max-comments", paramLabel = "N", defaultValue = "30",
            description = "Most inline comments one review posts; the rest go to the summary. Default: ${DEFAULT-VALUE}.")
    int maxComments;

    @Option(names = "--max-api-files", paramLabel = "N", defaultValue = "300",
            description = "Without a checkout of the head commit, fetch at most N changed files through the API. Default: ${DEFAULT-VALUE}.")
    int maxApiFiles;

    @Option(names = "--github-max-wait", paramLabel = "SECONDS", defaultValue = "600",
            description = "Wait out GitHub's rate limits for up to SECONDS in all; a longer wait ends the run (exit 4) saying when to retry. "
                    + "Default: ${DEFAULT-VALUE}.")
    long maxWaitSeconds;

    @Option(names = "--github-retry-delay", paramLabel = "MILLIS", defaultValue = "1000", hidden = true,
            description = "First backoff delay after a 5xx or rate limit (doubles on each retry).")
    long retryDelayMillis;

    PullRequestRef pullRequest(Map<String, String> env) {
        return PullRequestRef.resolve(repository, pullRequest, env);
    }

    String apiUrl(Map<String, String> env) {
        if (apiUrl != null) {
            return apiUrl;
        }
        String fromEnv = env.get("GITHUB_API_URL");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "https://api.github.com";
    }

    GitHubAuth auth(Map<String, String> env) {
        String app = appId != null ? appId : env.get("TENET_GITHUB_APP_ID");
        if (app != null && !app.isBlank()) {
            String key = appKey != null ? read(appKey, "--app-key") : env.get("TENET_GITHUB_APP_PRIVATE_KEY");
            if (key == null || key.isBlank()) {
                throw new TenetInputException("--app-id needs the App's private key: --app-key FILE or $TENET_GITHUB_APP_PRIVATE_KEY");
            }
            return new GitHubAuth.App(app.strip(), key);
        }
        String token = tokenFile != null ? read(tokenFile, "--token-file").strip()
                : env.getOrDefault("GITHUB_TOKEN", env.get("GH_TOKEN"));
        if (token == null || token.isBlank()) {
            throw new TenetInputException("--publish github needs a token ($GITHUB_TOKEN or --token-file) or a GitHub App (--app-id, --app-key)");
        }
        return new GitHubAuth.Token(token.strip());
    }

    void validate() {
        if (maxComments < 0) {
            throw new TenetInputException("--max-comments must be 0 or more, not " + maxComments);
        }
        if (maxWaitSeconds < 0) {
            throw new TenetInputException("--github-max-wait must be 0 or more seconds, not " + maxWaitSeconds);
        }
        if (maxApiFiles < 1) {
            throw new TenetInputException("--max-api-files must be at least 1, not " + maxApiFiles);
        }
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new TenetInputException(file.toString(), 0, "cannot read " + option + ": " + e.getMessage());
        }
    }
}
