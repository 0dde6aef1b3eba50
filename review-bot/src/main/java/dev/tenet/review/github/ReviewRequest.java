package dev.tenet.review.github;

import dev.tenet.review.ReviewResult;
import dev.tenet.rules.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of "create a review for a pull request": the head commit, the event, a short body
 * and the inline comments anchored by {@code line} (and {@code start_line} for a range) on side RIGHT.
 */
final class ReviewRequest {
    private ReviewRequest() {
    }

    static Map<String, Object> body(List<InlineComment> comments, String headSha, String event, ReviewResult result,
                                    Severity failLevel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commit_id", headSha);
        body.put("event", event);
        long failing = failLevel == null ? 0 : result.findings().stream()
                .filter(f -> f.severity().isAtLeast(failLevel) && !result.demoted().containsKey(f.ruleId())).count();
        String text = "Tenet found " + result.findings().size() + " new finding(s) on the changed lines"
                + (failing > 0 ? ", " + failing + " at or above " + failLevel.label() : "")
                + ". The summary comment has the counts and anything not commented inline.\n\n" + Markers.REVIEW;
        body.put("body", text);
        body.put("comments", comments(comments));
        return body;
    }

    /** A pending review (no {@code event}): only its author sees it, so it can try comments GitHub might refuse. */
    static Map<String, Object> pending(List<InlineComment> comments, String headSha) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commit_id", headSha);
        body.put("comments", comments(comments));
        return body;
    }

    private static List<Map<String, Object>> comments(List<InlineComment> comments) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (InlineComment comment : comments) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("path", comment.finding().file());
            if (comment.isMultiLine()) {
                item.put("start_line", comment.startLine());
                item.put("start_side", "RIGHT");
            }
            item.put("line", comment.line());
            item.put("side", "RIGHT");
            item.put("body", comment.body());
            items.add(item);
        }
        return items;
    }
}
