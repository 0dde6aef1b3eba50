package dev.tenet.review.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inline review comment Tenet posted, recognised by the hidden fingerprint marker it carries
 * (open, or marked resolved after the finding went away) and the rule id it names.
 *
 * @param id          the comment's id on GitHub
 * @param ruleId      the rule the comment reports
 * @param fingerprint the finding's fingerprint
 * @param resolved    true when Tenet already marked it resolved
 */
public record TenetComment(long id, String ruleId, String fingerprint, boolean resolved) {
    private static final Pattern MARKER = Pattern.compile("<!-- tenet:(fingerprint|resolved)=([A-Za-z0-9._:-]+) -->");
    /** The first rule id in backticks followed by a colon, as in {@code **error** `rule.id`: message}. */
    private static final Pattern RULE = Pattern.compile("`([A-Za-z0-9][A-Za-z0-9._-]*)`:");

    /** The Tenet comment in a review-comment object (REST list or webhook {@code comment}), or empty for anyone else's comment. */
    public static Optional<TenetComment> of(JsonNode comment) {
        String body = comment.path("body").asText("");
        Matcher marker = MARKER.matcher(body);
        Matcher rule = RULE.matcher(body);
        if (!marker.find() || !rule.find() || comment.path("id").asLong(0) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new TenetComment(comment.path("id").asLong(), rule.group(1), marker.group(2),
                marker.group(1).equals("resolved")));
    }
}
