package dev.tenet.review.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.review.github.FakeGitHub;
import dev.tenet.review.github.GitHubAuth;
import dev.tenet.review.github.GitHubConnection;
import dev.tenet.review.github.PullRequestRef;
import dev.tenet.review.github.Retrier;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub's own {@code pull_request_review_comment.created} example, turned into a reply, through the webhook entry point. */
class ReviewCommentWebhookTests {
    static final String REPOSITORY = "Codertocat/Hello-World";
    static final String TENET_COMMENT = "\u274C **error** `layering.domain-no-framework`: Domain code imports org.springframework.util.Assert\n\n"
            + "<sub>`tenet rules show layering.domain-no-framework` has the rule with examples.</sub>\n"
            + "<!-- tenet:fingerprint=0123456789abcdef01234567 -->";

    @TempDir
    Path cache;
    FakeGitHub github;
    RatingStore store;
    ReviewCommentWebhook webhook;

    @BeforeEach
    void start() throws Exception {
        github = new FakeGitHub();
        github.reviewCommentById(REPOSITORY, github.reviewComment(10, TENET_COMMENT, "src/main/java/Domain.java", 3, 0));
        github.reviewCommentById(REPOSITORY, github.reviewComment(20, "Please rename this.", "src/main/java/Domain.java", 5, 0));
        store = RatingStore.open(RatingsDatabase.resolve(null, Map.of(), cache));
        Retrier retrier = Retrier.standard(Duration.ofMillis(1));
        GitHubConnection connection = GitHubConnection.open(github.url(), new GitHubAuth.Token("ghs_installation"),
                new PullRequestRef("Codertocat", "Hello-World", 2), retrier);
        webhook = new ReviewCommentWebhook(store, new GitHubFeedback(connection, retrier, REPOSITORY));
    }

    @AfterEach
    void stop() {
        github.close();
    }

    static ObjectNode reply(long inReplyTo, String body) throws Exception {
        try (InputStream in = ReviewCommentWebhookTests.class.getResourceAsStream("pull_request_review_comment.created.json")) {
            ObjectNode payload = (ObjectNode) FakeGitHub.JSON.readTree(in);
            ObjectNode comment = (ObjectNode) payload.get("comment");
            comment.put("in_reply_to_id", inReplyTo);
            comment.put("body", body);
            return payload;
        }
    }

    @Test
    void aNotUsefulReplyToATenetCommentIsRecordedAgainstItsRule() throws Exception {
        ReviewCommentWebhook.Outcome outcome = webhook.handle(reply(10, "Not useful: Assert is fine in the domain."));

        assertThat(outcome).isEqualTo(new ReviewCommentWebhook.Outcome(true,
                "recorded: Codertocat rated comment 10 (layering.domain-no-framework) in Codertocat/Hello-World#2 not useful"));
        assertThat(store.health()).containsExactly(new RuleHealth("layering.domain-no-framework", 1, 1, Optional.empty()));
    }

    @Test
    void theSameReplyDeliveredTwiceCountsOnce() throws Exception {
        webhook.handle(reply(10, "not useful"));
        webhook.handle(reply(10, "not useful"));

        assertThat(store.health("layering.domain-no-framework").ratings()).isEqualTo(1);
    }

    @Test
    void otherRepliesRepliesToOtherCommentsAndTheUnchangedExampleAreNotRatings() throws Exception {
        assertThat(webhook.handle(reply(10, "Thanks, will move it.")).description()).isEqualTo("ignored: reply 284312630 is not a rating");
        assertThat(webhook.handle(reply(20, "Not useful")).description())
                .isEqualTo("ignored: comment 20 in Codertocat/Hello-World is not a Tenet comment");
        assertThat(webhook.handle(reply(99, "Not useful")).description())
                .isEqualTo("ignored: comment 99 in Codertocat/Hello-World is not a Tenet comment");
        JsonNode example = reply(10, "x");
        ((ObjectNode) example.get("comment")).remove("in_reply_to_id");
        assertThat(webhook.handle(example).description()).isEqualTo("ignored: comment 284312630 is not a reply");
        ((ObjectNode) example).put("action", "edited");
        assertThat(webhook.handle(example).recorded()).isFalse();

        assertThat(store.health()).isEmpty();
    }

    @Test
    void aReplyIsRatedWhenItsOwnFirstLineStartsWithNotUseful() {
        assertThat(ReplyVerdict.of("Not useful: this is a test fixture")).contains(Verdict.NOT_USEFUL);
        assertThat(ReplyVerdict.of("  NOT   USEFUL.")).contains(Verdict.NOT_USEFUL);
        assertThat(ReplyVerdict.of("> Domain code imports Spring\n\nnot useful here, it is a value object")).contains(Verdict.NOT_USEFUL);
        assertThat(ReplyVerdict.of("\uD83D\uDC4E not useful")).contains(Verdict.NOT_USEFUL);
        assertThat(ReplyVerdict.of("Is this not useful?")).isEmpty();
        assertThat(ReplyVerdict.of("not usefulness")).isEmpty();
        assertThat(ReplyVerdict.of("Useful, thanks\nnot useful elsewhere")).isEmpty();
        assertThat(ReplyVerdict.of("")).isEmpty();
    }

    @Test
    void reactionsAndFixesOnAPullRequestsCommentsBecomeRatingsAndBotsAreNotRaters() throws Exception {
        ObjectNode tenet = github.reviewComment(10, TENET_COMMENT, "Domain.java", 3, 0);
        ObjectNode reply = github.reviewComment(12, "not useful", "Domain.java", 3, 10);
        var reactions = java.util.List.<JsonNode>of(github.reaction(1, "alice", 101, "-1", "2026-11-20T19:06:00Z"),
                github.reaction(2, "bob", 102, "+1", "2026-11-20T19:07:00Z"), github.reaction(3, "carol", 103, "heart", "2026-11-20T19:07:00Z"),
                github.reaction(4, "dependabot[bot]", 104, "-1", "2026-11-20T19:07:00Z"));
        github.withReactionRollup(tenet, reactions);
        Instant now = Instant.parse("2026-11-21T00:00:00Z");

        var ratings = PullRequestRatings.read("acme/learning", 7, java.util.List.of(tenet, reply), id -> reactions, java.util.Set.of(), now);

        assertThat(ratings).extracting(Rating::rater, Rating::verdict, Rating::source).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("octocat", Verdict.NOT_USEFUL, Rating.Source.REPLY),
                org.assertj.core.groups.Tuple.tuple("alice", Verdict.NOT_USEFUL, Rating.Source.REACTION),
                org.assertj.core.groups.Tuple.tuple("bob", Verdict.USEFUL, Rating.Source.REACTION),
                org.assertj.core.groups.Tuple.tuple(Rating.FIX, Verdict.USEFUL, Rating.Source.FIX));
        assertThat(PullRequestRatings.read("acme/learning", 7, java.util.List.of(github.withReactionRollup(
                github.reviewComment(10, TENET_COMMENT, "Domain.java", 3, 0), java.util.List.of())),
                id -> { throw new AssertionError("no reactions to read"); }, java.util.Set.of("0123456789abcdef01234567"), now)).isEmpty();
    }
}
