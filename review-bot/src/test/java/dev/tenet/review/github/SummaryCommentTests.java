package dev.tenet.review.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.review.ReviewResult;
import dev.tenet.review.change.ChangeSet;
import dev.tenet.rules.Severity;
import dev.tenet.rules.catalog.RuleCatalog;
import dev.tenet.rules.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SummaryCommentTests {
    private static final String RUN = "https://github.com/acme/learning/runs/4";

    private static List<SummaryComment.Left> left(int count) {
        List<SummaryComment.Left> left = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Finding finding = new Finding("layering.domain-no-framework", Severity.ERROR, "src/main/java/com/acme/learning/domain/Big.java",
                    i + 3, i + 3, "Domain code imports org.springframework.pkg" + i + ".Type" + i + ", a framework type", "", "fp" + i);
            left.add(new SummaryComment.Left(finding, "over the cap of 30 inline comments per review"));
        }
        return left;
    }

    private static ReviewResult result(List<SummaryComment.Left> left, List<String> notReviewed) {
        return new ReviewResult(left.stream().map(SummaryComment.Left::finding).toList(), 0, 0, 1, ChangeSet.of(List.of()),
                RuleCatalog.builtin(), notReviewed);
    }

    private static String render(List<SummaryComment.Left> left, List<String> notReviewed, String checkRun) {
        return SummaryComment.render(result(left, notReviewed), FakeGitHub.HEAD_SHA, "lines", Severity.WARNING,
                new SummaryComment.Inline(30, 0, 0), left, List.of(), new SummaryComment.Publishing(checkRun, List.of()));
    }

    private static int more(String summary, String pattern) {
        Matcher matcher = Pattern.compile("\u2026and (\\d+) more" + pattern).matcher(summary);
        assertThat(matcher.find()).as(pattern).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    void aSummaryWithinGitHubsLimitListsEveryFinding() {
        String summary = render(left(10), List.of(), RUN);
        assertThat(summary.split("over the cap of 30", -1)).hasSize(11);
        assertThat(summary).doesNotContain("\u2026and");
    }

    @Test
    void thousandsOfFindingsAndUnreviewedFilesAreCutToFitWithTheirCounts() {
        List<String> notReviewed = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            notReviewed.add("src/main/resources/generated/file-" + i + ".bin is not a Java source or a Spring property file");
        }
        String summary = render(left(2000), notReviewed, RUN);

        assertThat(summary.length()).isLessThanOrEqualTo(SummaryComment.MAX_LENGTH);
        int listed = summary.split("over the cap of 30", -1).length - 1;
        assertThat(listed + more(summary, ", too many for one comment: the \\[check run]\\(" + Pattern.quote(RUN) + "\\) lists every finding"))
                .isEqualTo(2000);
        assertThat(listed).as("findings come first").isGreaterThan(200);
        int unreviewedListed = summary.split("is not a Java source", -1).length - 1;
        assertThat(unreviewedListed + more(summary, "\\.\n")).isEqualTo(3000);
        assertThat(summary).endsWith("this comment is updated on every run.</sub>\n");
    }

    @Test
    void withoutACheckRunTheCutListLinksNothing() {
        String summary = render(left(2000), List.of(), null);

        assertThat(summary.length()).isLessThanOrEqualTo(SummaryComment.MAX_LENGTH);
        assertThat(more(summary, ", too many for one comment\\.\n")).isPositive();
        assertThat(summary).doesNotContain("check run](");
    }
}
