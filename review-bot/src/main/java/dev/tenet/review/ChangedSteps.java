package dev.tenet.review;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.rules.finding.Finding;
import dev.tenet.rules.model.Step;
import java.util.List;
import java.util.Optional;

/**
 * How a change meets a finding found along calls: a change touches the finding when it touches its
 * primary location or any step of its path or related steps, and the finding is then shown at the
 * first step the change touched, so a review comment sits on the line the author changed.
 */
public final class ChangedSteps {
    private ChangedSteps() {
    }

    /** True when the change adds or modifies a line of the finding's primary location or of any of its steps. */
    public static boolean touches(Finding finding, ChangeSet changes) {
        return changes.touches(finding.file(), finding.startLine(), finding.endLine())
                || finding.steps().stream().anyMatch(step -> changes.touches(step.file(), step.line(), step.line()));
    }

    /** True when the change holds the finding's file or the file of any of its steps. */
    public static boolean inChangedFile(Finding finding, ChangeSet changes) {
        return changes.contains(finding.file()) || finding.steps().stream().anyMatch(step -> changes.contains(step.file()));
    }

    /**
     * The finding as a review shows it: unchanged when the change touches its primary location (or
     * touches none of its steps); otherwise moved to the first changed step, its message saying which
     * step of the path that line is. Fingerprint and steps stay, so baselines and earlier comments still match.
     */
    public static Finding anchored(Finding finding, ChangeSet changes) {
        if (changes.touches(finding.file(), finding.startLine(), finding.endLine())) {
            return finding;
        }
        return firstChanged(finding.path(), changes).map(i -> finding.anchoredAt(finding.path().get(i),
                        "This changed line " + finding.path().get(i).label() + ", step " + (i + 1) + " of " + finding.path().size()
                                + " on the path from " + from(finding) + ": " + finding.message()))
                .or(() -> firstChanged(finding.related(), changes).map(i -> finding.anchoredAt(finding.related().get(i),
                        "This changed line " + finding.related().get(i).label() + ", which the finding at " + from(finding)
                                + " rests on: " + finding.message())))
                .orElse(finding);
    }

    private static Optional<Integer> firstChanged(List<Step> steps, ChangeSet changes) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (changes.touches(step.file(), step.line(), step.line())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static String from(Finding finding) {
        return finding.fileName() + ":" + finding.startLine();
    }
}
