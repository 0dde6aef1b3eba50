package dev.tenet.review.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.HttpException;

/**
 * Finds which inline comments GitHub refuses (422, e.g. a line it does not see in the diff) when it
 * refuses a whole review without naming them: halves of the comments are tried as pending reviews,
 * which nobody else sees and which are deleted at once, until each refused comment stands alone.
 */
final class RejectedComments {
    private final GitHubConnection connection;
    private final Retrier retrier;
    private final String reviewsPath;
    private final String headSha;

    RejectedComments(GitHubConnection connection, Retrier retrier, String reviewsPath, String headSha) {
        this.connection = connection;
        this.retrier = retrier;
        this.reviewsPath = reviewsPath;
        this.headSha = headSha;
    }

    /**
     * @return the comments GitHub refuses; empty when a pending review without comments is refused too (the review itself is
     *     the problem, not a comment)
     */
    List<InlineComment> find(List<InlineComment> comments) throws IOException {
        if (!accepted(List.of())) {
            return List.of();
        }
        List<InlineComment> rejected = new ArrayList<>();
        collect(comments, rejected);
        return rejected;
    }

    private void collect(List<InlineComment> comments, List<InlineComment> rejected) throws IOException {
        if (comments.isEmpty() || accepted(comments)) {
            return;
        }
        if (comments.size() == 1) {
            rejected.add(comments.get(0));
            return;
        }
        int half = comments.size() / 2;
        collect(comments.subList(0, half), rejected);
        collect(comments.subList(half, comments.size()), rejected);
    }

    /** Tries the comments as a pending review (no {@code event}) and deletes it again when GitHub accepts it. */
    private boolean accepted(List<InlineComment> comments) throws IOException {
        Map<String, Object> body = ReviewRequest.pending(comments, headSha);
        JsonNode pending;
        try {
            pending = retrier.call(() -> connection.send("POST", reviewsPath, body));
        } catch (HttpException e) {
            if (e.getResponseCode() == 422) {
                return false;
            }
            throw e;
        }
        long id = pending.path("id").asLong();
        retrier.call(() -> connection.send("DELETE", reviewsPath + "/" + id, null));
        return true;
    }
}
