package dev.tenet.review.github;

import dev.tenet.review.ReviewResult;
import dev.tenet.rules.Severity;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The commit status {@value CheckRunPublisher#NAME}: the review's outcome where a check run cannot be created (a personal access token). */
final class CommitStatusPublisher {
    private static final int MAX_DESCRIPTION = 140;

    private final GitHubConnection connection;
    private final String repository;
    private final Retrier retrier;

    CommitStatusPublisher(GitHubConnection connection, String repository, Retrier retrier) {
        this.connection = connection;
        this.repository = repository;
        this.retrier = retrier;
    }

    /** Sets the status on the head commit (setting it again with the same values is harmless) and says what it set. */
    String publish(ReviewResult result, String headSha, Severity failLevel, String targetUrl) throws IOException {
        String state = result.failsAt(failLevel) ? "failure" : "success";
        String description = result.findings().isEmpty() ? "No new findings"
                : result.findings().size() + " new finding(s); the summary comment lists them";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        body.put("target_url", targetUrl);
        body.put("description", description.length() > MAX_DESCRIPTION ? description.substring(0, MAX_DESCRIPTION) : description);
        body.put("context", CheckRunPublisher.NAME);
        retrier.call(() -> connection.send("POST", "/repos/" + repository + "/statuses/" + headSha, body));
        return "commit status " + CheckRunPublisher.NAME + ": " + state;
    }
}
