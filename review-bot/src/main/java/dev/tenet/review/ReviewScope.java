package dev.tenet.review;

import dev.tenet.review.change.ChangeSet;
import dev.tenet.rules.finding.Finding;
import java.util.Locale;

/**
 * Which findings a review keeps: those on changed lines, anywhere in changed files, or all of them. A
 * finding found along calls counts as on a changed line (or in a changed file) when any step of its
 * path is.
 */
public enum ReviewScope {
    LINES, FILES, ALL;

    public boolean keeps(Finding finding, ChangeSet changes) {
        return switch (this) {
            case LINES -> ChangedSteps.touches(finding, changes);
            case FILES -> ChangedSteps.inChangedFile(finding, changes);
            case ALL -> true;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code lines|files|all}; the error lists the accepted values. */
    public static ReviewScope parse(String text) {
        for (ReviewScope scope : values()) {
            if (scope.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + text + "' (expected lines, files or all)");
    }
}
