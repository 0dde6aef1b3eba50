package dev.tenet.review.feedback;

import dev.tenet.review.ReviewResult;
import dev.tenet.review.github.PublishLog;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The step between reviewing a pull request again and publishing the review: record the ratings
 * its comments received since, then demote the rules their ratings condemn, so those rules'
 * findings no longer block and the summary says why.
 */
public final class PrecisionLoop {
    /**
     * What this step did.
     *
     * @param unread why the pull request's comments could not be read (then nothing was recorded and rules were demoted
     *               from the ratings already stored); empty when they were read
     */
    public record Outcome(ReviewResult result, int ratingsRead, int ratingsChanged, List<RuleHealth> demoted, Optional<String> unread) {
    }

    private final RatingStore store;

    public PrecisionLoop(RatingStore store) {
        this.store = store;
    }

    /**
     * Records the ratings on the pull request's comments and demotes; when GitHub cannot be read, demotes from the
     * ratings already stored and says why in {@link Outcome#unread()}.
     *
     * @param repository {@code owner/name}
     * @throws RatingStoreException when the ratings database fails
     */
    public Outcome apply(GitHubFeedback github, String repository, int pullRequest, ReviewResult result, Instant now) {
        Set<String> fingerprints = new HashSet<>();
        result.findings().forEach(finding -> fingerprints.add(finding.fingerprint()));
        List<Rating> ratings;
        try {
            ratings = PullRequestRatings.read(repository, pullRequest, github.reviewComments(pullRequest), github, fingerprints, now);
        } catch (IOException e) {
            List<RuleHealth> demoted = demotedRules();
            return new Outcome(demote(result, demoted), 0, 0, demoted, Optional.of(PublishLog.reason(e)));
        }
        int changed = store.record(ratings);
        List<RuleHealth> demoted = demotedRules();
        return new Outcome(demote(result, demoted), ratings.size(), changed, demoted, Optional.empty());
    }

    private List<RuleHealth> demotedRules() {
        return store.health().stream().filter(RuleHealth::demoted).toList();
    }

    /** The result with the findings of demoted rules no longer blocking; only rules with findings here are named. */
    static ReviewResult demote(ReviewResult result, List<RuleHealth> demoted) {
        Set<String> found = new HashSet<>();
        for (Finding finding : result.findings()) {
            found.add(finding.ruleId());
        }
        Map<String, String> notes = new LinkedHashMap<>();
        demoted.stream().filter(health -> found.contains(health.ruleId())).forEach(health -> notes.put(health.ruleId(), health.demotionNote()));
        return notes.isEmpty() ? result : result.withDemoted(notes);
    }
}
