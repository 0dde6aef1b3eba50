package dev.tenet.review.github;

import java.io.IOException;
import java.nio.file.Path;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;

/** One authenticated conversation with GitHub about one pull request: read its change, then publish the review. */
public final class PullRequestSession {
    private final GitHubConnection connection;
    private final GHRepository repository;
    private final GHPullRequest pullRequest;
    private final Retrier retrier;

    private PullRequestSession(GitHubConnection connection, GHRepository repository, GHPullRequest pullRequest, Retrier retrier) {
        this.connection = connection;
        this.repository = repository;
        this.pullRequest = pullRequest;
        this.retrier = retrier;
    }

    /** Connects and reads the pull request (retrying passing failures). */
    public static PullRequestSession open(String apiUrl, GitHubAuth auth, PullRequestRef ref, Retrier retrier) throws IOException {
        GitHubConnection connection = GitHubConnection.open(apiUrl, auth, ref, retrier);
        GHRepository repository = retrier.call(() -> connection.github().getRepository(ref.fullName()));
        GHPullRequest pullRequest = retrier.call(() -> repository.getPullRequest(ref.number()));
        return new PullRequestSession(connection, repository, pullRequest, retrier);
    }

    /**
     * @param checkout      a folder that may hold a checkout of the head commit
     * @param maxFetchFiles most changed files fetched through the API when there is no such checkout
     */
    public PullRequestChange readChange(Path checkout, int maxFetchFiles) throws IOException {
        return new PullRequestChanges(repository, pullRequest, retrier, maxFetchFiles).read(checkout);
    }

    /** The authenticated connection, for raw API reads (e.g. the ratings on Tenet's comments). */
    public GitHubConnection connection() {
        return connection;
    }

    public GitHubPublisher publisher() {
        return new GitHubPublisher(connection, repository, pullRequest, retrier);
    }

    /** The pull request's title and description, as its author wrote them (untrusted text). */
    public String description() {
        String body = pullRequest.getBody();
        return pullRequest.getTitle() + (body == null || body.isBlank() ? "" : "\n\n" + body);
    }
}
