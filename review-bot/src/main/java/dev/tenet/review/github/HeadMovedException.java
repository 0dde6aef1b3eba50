package dev.tenet.review.github;

import java.io.IOException;

/** The pull request's head commit moved (a push or a force-push) while it was reviewed: the review is stale and is not published. */
public final class HeadMovedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String reviewedSha;
    private final String currentSha;

    public HeadMovedException(String reviewedSha, String currentSha) {
        super("the pull request's head moved from " + reviewedSha + " to " + currentSha + " during the review; the stale review was not published");
        this.reviewedSha = reviewedSha;
        this.currentSha = currentSha;
    }

    public String reviewedSha() {
        return reviewedSha;
    }

    public String currentSha() {
        return currentSha;
    }
}
