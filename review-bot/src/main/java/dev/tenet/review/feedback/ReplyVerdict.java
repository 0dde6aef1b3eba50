package dev.tenet.review.feedback;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a reply to a Tenet comment as a rating. A reply counts against the comment when its first
 * line of its own (quoted lines starting with {@code >} are skipped) begins with the words
 * "not useful", in any case, optionally after a 👎: "Not useful: this is a test fixture" counts,
 * "this is not useful yet?" does not. Every other reply is a conversation, not a rating.
 */
public final class ReplyVerdict {
    private static final Pattern NOT_USEFUL = Pattern.compile("^(?:\\x{1F44E}[\\x{1F3FB}-\\x{1F3FF}]?\\s*)?not\\s+useful\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ReplyVerdict() {
    }

    public static Optional<Verdict> of(String body) {
        if (body == null) {
            return Optional.empty();
        }
        return body.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith(">")).findFirst()
                .filter(line -> NOT_USEFUL.matcher(line).find()).map(line -> Verdict.NOT_USEFUL);
    }
}
