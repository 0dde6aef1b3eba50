package dev.tenet.review.github;

import dev.tenet.review.ReviewResult;
import dev.tenet.rules.Severity;
import java.io.IOException;
import java.util.List;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;

/** The review's outcome on the head commit: the check run, or a commit status where the token may not create check runs. */
final class OutcomePublisher {
    private final GitHubConnection connection;
    private final GHRepository repository;
    private final GHPullRequest pullRequest;
    private final Retrier retrier;

    OutcomePublisher(GitHubConnection connection, GHRepository repository, GHPullRequest pullRequest, Retrier retrier) {
        this.connection = connection;
        this.repository = repository;
        this.pullRequest = pullRequest;
        this.retrier = retrier;
    }

    /**
     * Publishes the check run; when the token may not create one (a classic personal access token), a commit status
     * instead, or nothing but the summary when that is refused too, each with a note. Returns the check run's page, or
     * {@code null} when there is no check run.
     */
    String publish(ReviewResult result, String headSha, Severity failLevel, PublishLog log, List<String> notes)
            throws RateLimitedException {
        try {
            CheckRunPublisher.Published run = new CheckRunPublisher(connection, repository, retrier).publish(result, headSha, failLevel);
            log.done(run.what());
            return run.htmlUrl();
        } catch (RateLimitedException e) {
            throw e;
        } catch (HttpException e) {
            if (!refusedToToken(e)) {
                log.failed("check run " + CheckRunPublisher.NAME, e);
                return null;
            }
        } catch (IOException e) {
            log.failed("check run " + CheckRunPublisher.NAME, e);
            return null;
        }
        String why = "GitHub does not let this token create check runs (a personal access token cannot; a GitHub App or the "
                + "Actions `GITHUB_TOKEN` with `checks: write` can)";
        String pullRequestUrl = String.valueOf(pullRequest.getHtmlUrl());
        try {
            log.done(new CommitStatusPublisher(connection, repository.getFullName(), retrier).publish(result, headSha, failLevel, pullRequestUrl)
                    + " (instead of a check run: " + why + ")");
            notes.add("No check run: " + why + ". The commit status `" + CheckRunPublisher.NAME + "` carries the outcome instead.");
        } catch (RateLimitedException e) {
            throw e;
        } catch (IOException e) {
            if (!(e instanceof HttpException http && refusedToToken(http))) {
                log.failed("commit status " + CheckRunPublisher.NAME + " (instead of a check run: " + why + ")", e);
                return null;
            }
            log.done("this summary only: " + why + ", nor a commit status");
            notes.add("No check run and no commit status: " + why + ", and it may not set commit statuses either. "
                    + "This comment is the review's only result.");
        }
        return null;
    }

    /** GitHub's answer when the token's kind or permissions do not allow the call (not a rate limit, which the retrier handled). */
    private static boolean refusedToToken(HttpException e) {
        String message = String.valueOf(e.getMessage());
        return e.getResponseCode() == 403 && message.contains("Resource not accessible by");
    }
}
