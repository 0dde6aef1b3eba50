package dev.tenet.review.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.review.ReviewResult;
import dev.tenet.review.change.ChangeSet;
import dev.tenet.review.change.FileChange;
import dev.tenet.review.change.UnifiedPatch;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.finding.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InlineCommentTests {
    static final String PATCH = "@@ -10,6 +10,9 @@\n a\n b\n c\n+d\n+e\n+f\n g\n h\n i";
    final UnifiedPatch.Lines lines = UnifiedPatch.parse(PATCH);
    final ChangeSet changes = ChangeSet.of(List.of(new FileChange("A.java", Optional.empty(), lines.added(), lines.hunks())));
    final RuleCatalog catalog = RuleCatalog.builtin();

    static Finding finding(int start, int end) {
        return new Finding("pipeline.outbox-dual-write", Severity.ERROR, "A.java", start, end, "Writes the database and Kafka separately",
                "Write an outbox row in the same transaction", "0123456789abcdef01234567");
    }

    @Test
    void aFindingSpanningLinesIsAMultiLineCommentClampedToItsHunkOnTheRightSide() {
        InlineComment comment = InlineComment.of(finding(5, 14), changes, catalog).orElseThrow();
        assertThat(comment.startLine()).isEqualTo(10);
        assertThat(comment.line()).isEqualTo(14);
        ReviewResult result = new ReviewResult(List.of(comment.finding()), 0, 0, 1, changes, catalog, List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) ReviewRequest.body(List.of(comment), "sha", "REQUEST_CHANGES", result,
                Severity.WARNING).get("comments")).get(0);
        assertThat(item).containsEntry("start_line", 10).containsEntry("start_side", "RIGHT").containsEntry("line", 14)
                .containsEntry("side", "RIGHT").containsEntry("path", "A.java");
        assertThat((String) item.get("body")).contains("`pipeline.outbox-dual-write`").contains("**Why:**")
                .contains("**Fix:** Write an outbox row").endsWith("<!-- tenet:fingerprint=0123456789abcdef01234567 -->");
    }

    @Test
    void aFindingOnUntouchedLinesIsNotCommentedInline() {
        assertThat(InlineComment.of(finding(11, 12), changes, catalog)).isEmpty();
        assertThat(InlineComment.of(finding(13, 13), changes, catalog).orElseThrow().isMultiLine()).isFalse();
    }

    @Test
    void markersAreFoundAgainInCommentBodies() {
        assertThat(Markers.findingIn("text\n<!-- tenet:fingerprint=abc123 -->")).contains("abc123");
        assertThat(Markers.findingIn("<!-- tenet:resolved=abc123 -->")).isEmpty();
        assertThat(Markers.isSummary("<!-- tenet:summary -->\n## Tenet review")).isTrue();
    }
}
