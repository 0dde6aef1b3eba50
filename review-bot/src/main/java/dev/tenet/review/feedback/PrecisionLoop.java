package dev.tenet.review.feedback;

import dev.tenet.review.ReviewResult;
import dev.tenet.rules.finding.Finding;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The step between reviewing a pull request again and publishing the review: record the ratings
 * its comments received since, then demote the rules their ratings condemn, so those rules'
 * findings no longer block and the summary says why.
 */
public final class PrecisionLoop {
    /** What this step did. */
    public record Outcome(ReviewResult result, int ratingsRead, int ratingsChanged, List<RuleHealth> demoted) {
    }

    private final RatingStore store;

    public PrecisionLoop(RatingStore store) {
        this.store = store;
    }

    /**
     * @param repository {@code owner/name}
     * @throws IOException when GitHub cannot be read
     */
    public Outcome apply(GitHubFeedback github, String repository, int pullRequest, ReviewResult result, Instant now) throws IOException {
        Set<String> fingerprints = new HashSet<>();
        result.findings().forEach(finding -> fingerprints.add(finding.fingerprint()));
        List<Rating> ratings = PullRequestRatings.read(repository, pullRequest, github.reviewComments(pullRequest), github,
                fingerprints, now);
        int changed = store.record(ratings);
        List<RuleHealth> demoted = store.health().stream().filter(RuleHealth::demoted).toList();
        return new Outcome(demote(result, demoted), ratings.size(), changed, demoted);
    }

    /** Only the demotion, from the ratings already stored (when the pull request's comments cannot be read). */
    public ReviewResult demoteFromStore(ReviewResult result) {
        return demote(result, store.health().stream().filter(RuleHealth::demoted).toList());
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
