package dev.tenet.review.github;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hidden HTML comments by which Tenet finds its own comments, reviews and summary again on a re-run. */
final class Markers {
    static final String SUMMARY = "<!-- tenet:summary -->";
    static final String REVIEW = "<!-- tenet:review -->";
    private static final Pattern FINDING = Pattern.compile("<!-- tenet:fingerprint=([A-Za-z0-9._:-]+) -->");

    private Markers() {
    }

    /** The marker an inline comment carries: the finding's rule id and fingerprint. */
    static String finding(String key) {
        return "<!-- tenet:fingerprint=" + key + " -->";
    }

    static String resolved(String key) {
        return "<!-- tenet:resolved=" + key + " -->";
    }

    /** The finding key of an open Tenet inline comment. */
    static Optional<String> findingIn(String body) {
        return find(FINDING, body);
    }

    static boolean isSummary(String body) {
        return body != null && body.contains(SUMMARY);
    }

    static boolean isReview(String body) {
        return body != null && body.contains(REVIEW);
    }

    private static Optional<String> find(Pattern pattern, String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
