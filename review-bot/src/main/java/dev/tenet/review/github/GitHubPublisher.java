package dev.tenet.review.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.review.ReviewResult;
import dev.tenet.rules.Severity;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReview;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHPullRequestReviewState;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;

/**
 * Publishes a review result on a pull request so that re-runs converge instead of repeating: new
 * findings become one review with inline comments (capped), comments whose finding is gone are
 * resolved, the check run carries every finding, and one summary comment is edited in place.
 * Within GitHub's limits: a stale review (the head moved) is not published, comments GitHub refuses
 * are left out and listed, a token that cannot create check runs gets a commit status, and the
 * summary stays under GitHub's comment size.
 */
public final class GitHubPublisher {
    private final GitHubConnection connection;
    private final GHRepository repository;
    private final GHPullRequest pullRequest;
    private final Retrier retrier;

    public GitHubPublisher(GitHubConnection connection, GHRepository repository, GHPullRequest pullRequest, Retrier retrier) {
        this.connection = connection;
        this.repository = repository;
        this.pullRequest = pullRequest;
        this.retrier = retrier;
    }

    /**
     * @param failLevel   findings at or above it request changes and fail the check run ({@code null}: never)
     * @param maxComments the most inline comments one review posts; the rest are listed in the summary
     * @throws PublishException     when a step could not be published, saying what was and was not posted
     * @throws HeadMovedException    when the pull request's head is no longer {@code headSha}: nothing was posted
     * @throws RateLimitedException  when GitHub's rate limit asks for a longer wait than the retrier allows; what was
     *                               posted before stays, and a re-run completes it without duplicates
     */
    public PublishLog publish(ReviewResult result, String headSha, String scope, Severity failLevel, int maxComments)
            throws HeadMovedException, RateLimitedException {
        PublishLog log = new PublishLog();
        List<GHPullRequestReviewComment> existing;
        try {
            String current = retrier.call(() -> connection.send("GET", pullsPath(), null)).path("head").path("sha").asText();
            if (!headSha.equals(current)) {
                throw new HeadMovedException(headSha, current);
            }
            existing = retrier.call(() -> pullRequest.listReviewComments().toList());
        } catch (HeadMovedException | RateLimitedException e) {
            throw e;
        } catch (IOException e) {
            log.failed("reading the pull request's review comments", e);
            throw new PublishException("Nothing was published to " + repository.getFullName() + "#" + pullRequest.getNumber() + ".", log, e);
        }
        Map<String, GHPullRequestReviewComment> open = new LinkedHashMap<>();
        Set<Long> replied = new HashSet<>();
        for (GHPullRequestReviewComment comment : existing) {
            if (comment.getInReplyToId() > 0) {
                replied.add(comment.getInReplyToId());
            } else {
                Markers.findingIn(comment.getBody()).ifPresent(key -> open.putIfAbsent(key, comment));
            }
        }
        List<Finding> ordered = new ArrayList<>(result.findings());
        ordered.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::file).thenComparingInt(Finding::startLine));
        List<InlineComment> toPost = new ArrayList<>();
        List<SummaryComment.Left> left = new ArrayList<>();
        int alreadyThere = 0;
        for (Finding finding : ordered) {
            Optional<InlineComment> comment = InlineComment.of(finding, result.changes(), result.catalog());
            if (comment.isEmpty()) {
                left.add(new SummaryComment.Left(finding, "not on a changed line"));
            } else if (open.containsKey(finding.fingerprint())) {
                alreadyThere++;
            } else if (toPost.size() < maxComments) {
                toPost.add(comment.get());
            } else {
                left.add(new SummaryComment.Left(finding, "over the cap of " + maxComments + " inline comments per review"));
            }
        }
        int resolved = resolveGone(open, replied, result, headSha, log);
        List<InlineComment> rejected = new ArrayList<>();
        int posted = postReview(toPost, result, headSha, failLevel, log, rejected);
        rejected.forEach(comment -> left.add(new SummaryComment.Left(comment.finding(), "GitHub refused the inline comment (HTTP 422)")));
        List<String> notes = new ArrayList<>();
        String checkRunUrl = new OutcomePublisher(connection, repository, pullRequest, retrier).publish(result, headSha, failLevel, log, notes);
        String summary = SummaryComment.render(result, headSha, scope, failLevel,
                new SummaryComment.Inline(posted, alreadyThere, resolved), left, log.failures(), new SummaryComment.Publishing(checkRunUrl, notes));
        publishSummary(summary, log);
        if (log.anyFailed()) {
            throw new PublishException("The review of " + repository.getFullName() + "#" + pullRequest.getNumber()
                    + " was only partly published.", log, null);
        }
        return log;
    }

    private int resolveGone(Map<String, GHPullRequestReviewComment> open, Set<Long> replied, ReviewResult result, String headSha,
                            PublishLog log) throws RateLimitedException {
        Set<String> current = new HashSet<>();
        result.findings().forEach(f -> current.add(f.fingerprint()));
        int resolved = 0;
        for (Map.Entry<String, GHPullRequestReviewComment> entry : open.entrySet()) {
            if (current.contains(entry.getKey())) {
                continue;
            }
            GHPullRequestReviewComment comment = entry.getValue();
            try {
                if (replied.contains(comment.getId())) {
                    String body = "\u2705 **Resolved**: Tenet no longer reports this at `" + headSha.substring(0, Math.min(7, headSha.length()))
                            + "`.\n\n~~" + comment.getBody().replace(Markers.finding(entry.getKey()), "").strip().replace("\n\n", "~~\n\n~~")
                            + "~~\n" + Markers.resolved(entry.getKey());
                    retrier.call(() -> {
                        comment.update(body);
                        return null;
                    });
                    log.done("marked resolved: comment " + comment.getId() + " on " + comment.getPath() + " (it has replies)");
                } else {
                    retrier.call(() -> {
                        deleteIfPresent(comment);
                        return null;
                    });
                    log.done("deleted: comment " + comment.getId() + " on " + comment.getPath() + " (finding gone, no replies)");
                }
                resolved++;
            } catch (RateLimitedException e) {
                throw e;
            } catch (IOException e) {
                log.failed("resolving comment " + comment.getId() + " on " + comment.getPath(), e);
            }
        }
        return resolved;
    }

    private static void deleteIfPresent(GHPullRequestReviewComment comment) throws IOException {
        try {
            comment.delete();
        } catch (org.kohsuke.github.GHFileNotFoundException alreadyGone) {
            // a retried DELETE whose first attempt went through
        }
    }

    /**
     * Posts the review with its inline comments; returns how many inline comments this run posted. When GitHub refuses
     * the review for some of its comments (422), posts it without them and adds them to {@code rejected}.
     */
    private int postReview(List<InlineComment> toPost, ReviewResult result, String headSha, Severity failLevel, PublishLog log,
                           List<InlineComment> rejected) throws RateLimitedException {
        boolean failing = result.failsAt(failLevel);
        try {
            List<GHPullRequestReview> reviews = retrier.call(() -> pullRequest.listReviews().toList());
            boolean standing = false;
            for (GHPullRequestReview review : reviews) {
                if (!Markers.isReview(review.getBody()) || review.getState() != GHPullRequestReviewState.CHANGES_REQUESTED) {
                    continue;
                }
                if (failing) {
                    standing = true;
                } else {
                    retrier.call(() -> {
                        review.dismiss("Tenet no longer finds anything at or above the fail level.");
                        return null;
                    });
                    log.done("dismissed: Tenet's earlier request for changes (review " + review.getId() + ")");
                }
            }
            if (toPost.isEmpty() && (!failing || standing)) {
                return 0;
            }
            String event = failing ? "REQUEST_CHANGES" : "COMMENT";
            List<InlineComment> comments = toPost;
            // At most two corrections: COMMENT instead of REQUEST_CHANGES on one's own pull request, and the refused comments left out.
            for (int corrections = 0; ; corrections++) {
                try {
                    send(comments, headSha, event, result, failLevel);
                    break;
                } catch (HttpException e) {
                    if (e.getResponseCode() != 422 || corrections == 2) {
                        throw e;
                    }
                    if ("REQUEST_CHANGES".equals(event) && String.valueOf(e.getMessage()).contains("own pull request")) {
                        event = "COMMENT";
                        continue;
                    }
                    List<InlineComment> refused = rejected.isEmpty()
                            ? new RejectedComments(connection, retrier, reviewsPath(), headSha).find(comments) : List.of();
                    if (refused.isEmpty()) {
                        throw e;
                    }
                    rejected.addAll(refused);
                    comments = comments.stream().filter(c -> !refused.contains(c)).toList();
                }
            }
            log.done("review (" + event + ") with " + comments.size() + " inline comment(s)"
                    + (rejected.isEmpty() ? "" : "; GitHub refused " + rejected.size() + " more, listed in the summary"));
            return comments.size();
        } catch (RateLimitedException e) {
            throw e;
        } catch (IOException e) {
            log.failed("review with " + toPost.size() + " inline comment(s)", e);
            return 0;
        }
    }

    private String pullsPath() {
        return "/repos/" + repository.getFullName() + "/pulls/" + pullRequest.getNumber();
    }

    private String reviewsPath() {
        return pullsPath() + "/reviews";
    }

    private void send(List<InlineComment> toPost, String headSha, String event, ReviewResult result, Severity failLevel) throws IOException {
        Map<String, Object> body = ReviewRequest.body(toPost, headSha, event, result, failLevel);
        retrier.call(() -> connection.send("POST", reviewsPath(), body), () -> alreadyPosted(toPost, headSha));
    }

    /** After a failed attempt: did the review go through anyway? Then every comment's marker is on the pull request. */
    private Optional<JsonNode> alreadyPosted(List<InlineComment> toPost, String headSha) throws IOException {
        if (toPost.isEmpty()) {
            List<GHPullRequestReview> reviews = retrier.call(() -> pullRequest.listReviews().toList());
            boolean found = reviews.stream().anyMatch(r -> Markers.isReview(r.getBody()) && headSha.equals(r.getCommitId()));
            return found ? Optional.of(com.fasterxml.jackson.databind.node.NullNode.getInstance()) : Optional.empty();
        }
        Set<String> present = new HashSet<>();
        for (GHPullRequestReviewComment comment : retrier.call(() -> pullRequest.listReviewComments().toList())) {
            Markers.findingIn(comment.getBody()).ifPresent(present::add);
        }
        boolean all = toPost.stream().allMatch(c -> present.contains(c.finding().fingerprint()));
        return all ? Optional.of(com.fasterxml.jackson.databind.node.NullNode.getInstance()) : Optional.empty();
    }

    private void publishSummary(String body, PublishLog log) throws RateLimitedException {
        try {
            Optional<GHIssueComment> existing = findSummary();
            if (existing.isPresent()) {
                if (!existing.get().getBody().equals(body)) {
                    retrier.call(() -> {
                        existing.get().update(body);
                        return null;
                    });
                }
                log.done("summary comment updated in place (comment " + existing.get().getId() + ")");
            } else {
                GHIssueComment created = retrier.call(() -> pullRequest.comment(body), this::findSummary);
                log.done("summary comment created (comment " + created.getId() + ")");
            }
        } catch (RateLimitedException e) {
            throw e;
        } catch (IOException e) {
            log.failed("summary comment", e);
        }
    }

    private Optional<GHIssueComment> findSummary() throws IOException {
        return retrier.call(() -> pullRequest.listComments().toList()).stream().filter(c -> Markers.isSummary(c.getBody())).findFirst();
    }
}
