package dev.tenet.review.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.review.github.GitHubConnection;
import dev.tenet.review.github.Retrier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kohsuke.github.HttpException;

/**
 * Reads what the precision loop needs from GitHub's REST API as raw JSON (the review-comment
 * list keeps its {@code reactions} rollup and {@code in_reply_to_id}): review comments, a
 * comment's reactions, one comment by id.
 */
public final class GitHubFeedback implements PullRequestRatings.Reactions, ReviewCommentWebhook.Comments {
    private static final int PAGE = 100;
    /** GitHub answers at most this many pages of a list; more is not worth reading for ratings. */
    private static final int MAX_PAGES = 30;

    private final GitHubConnection connection;
    private final Retrier retrier;
    private final String repository;

    /** @param repository {@code owner/name} */
    public GitHubFeedback(GitHubConnection connection, Retrier retrier, String repository) {
        this.connection = connection;
        this.retrier = retrier;
        this.repository = repository;
    }

    /** Every review comment of the pull request ({@code GET /repos/{owner}/{repo}/pulls/{number}/comments}). */
    public List<JsonNode> reviewComments(int pullRequest) throws IOException {
        return pages("/repos/" + repository + "/pulls/" + pullRequest + "/comments");
    }

    /** {@code GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions}. */
    @Override
    public List<JsonNode> of(long commentId) throws IOException {
        try {
            return pages("/repos/" + repository + "/pulls/comments/" + commentId + "/reactions");
        } catch (HttpException e) {
            if (e.getResponseCode() == 404) {
                return List.of(); // deleted since the list was read
            }
            throw e;
        }
    }

    /** {@code GET /repos/{owner}/{repo}/pulls/comments/{comment_id}}; empty when GitHub no longer has it. */
    @Override
    public Optional<JsonNode> find(String repositoryName, long commentId) throws IOException {
        try {
            return Optional.of(retrier.call(() -> connection.send("GET", "/repos/" + repositoryName + "/pulls/comments/" + commentId, null)));
        } catch (HttpException e) {
            if (e.getResponseCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<JsonNode> pages(String path) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            String url = path + "?per_page=" + PAGE + "&page=" + page;
            JsonNode items = retrier.call(() -> connection.send("GET", url, null));
            items.forEach(all::add);
            if (items.size() < PAGE) {
                break;
            }
        }
        return all;
    }
}
