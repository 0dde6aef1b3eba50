package dev.tenet.service.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * One pull request to review at one head commit, as a webhook delivery asked for it.
 *
 * @param owner          the repository's owner
 * @param repository     the repository's name
 * @param number         the pull request's number
 * @param headSha        the head commit the delivery named; a newer one for the same pull request supersedes it
 * @param installationId the GitHub App installation that may read and publish (0 when a token is configured instead)
 * @param deliveryId     GitHub's {@code X-GitHub-Delivery} of the event that asked for the review
 * @param requestedAt    when the delivery arrived
 */
public record ReviewJob(String owner, String repository, int number, String headSha, long installationId,
        String deliveryId, Instant requestedAt) {
    public ReviewJob {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(headSha, "headSha");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** {@code owner/repo#number}: the key jobs of one pull request share (their order is kept per key). */
    public String pullRequestKey() {
        return owner + "/" + repository + "#" + number;
    }
}
