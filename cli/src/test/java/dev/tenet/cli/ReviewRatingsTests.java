package dev.tenet.cli;

import static dev.tenet.review.github.FakeGitHub.API;
import static dev.tenet.review.github.FakeGitHub.PR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.tenet.review.github.FakeGitHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The precision loop through the CLI: {@code tenet review --publish github} reads the ratings on its earlier comments
 * (reactions, "not useful" replies, fixes) when it reviews the pull request again, {@code tenet stats} shows each rule's
 * rate, a noisy rule stops blocking until {@code tenet stats --reenable} restores it.
 */
class ReviewRatingsTests {
    static final String RULE = "layering.domain-no-framework";

    @TempDir
    Path dir;
    FakeGitHub github;
    Path token;
    String ratingsDb;

    @BeforeEach
    void start() throws Exception {
        github = new FakeGitHub();
        github.repositoryFile(".tenet/config.yml", ReviewLocalTests.SPRING_FREE_DOMAIN);
        token = dir.resolve("token");
        Files.writeString(token, "ghp_16C7e42F292c6912E7710c838347Ae178B4a\n");
        ratingsDb = "jdbc:h2:file:" + dir.resolve("ratings");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    Cli.Result review() {
        return Cli.run("review", dir.resolve("no-checkout").toString(), "--publish", "github", "--repo", "acme/learning",
                "--pr", String.valueOf(PR), "--github-url", github.url(), "--token-file", token.toString(), "--no-cache",
                "--github-retry-delay", "1", "--ratings-db", ratingsDb);
    }

    Cli.Result stats(String... extra) {
        List<String> args = new ArrayList<>(List.of("stats", "--cache-dir", dir.resolve("cache").toString(), "--ratings-db", ratingsDb));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    void twoFindings() {
        github.files(List.of(ReviewGitHubTests.added(ReviewGitHubTests.PROGRESS, ReviewLocalTests.FRAMEWORK_DOMAIN),
                new FakeGitHub.PrFile(ReviewGitHubTests.USER_ID, "modified", ReviewGitHubTests.USER_ID_PATCH, ReviewGitHubTests.USER_ID_NEW)));
    }

    /** The first run's two comments (10 and 11) as GitHub now lists them. */
    List<ObjectNode> firstRunComments() throws Exception {
        twoFindings();
        Cli.Result first = review();
        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        github.acceptWhatWasPosted();
        JsonNode posted = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews").get(0)).path("comments");
        return List.of(github.reviewComment(10, posted.get(0).path("body").asText(), ReviewGitHubTests.PROGRESS, 3, 0),
                github.reviewComment(11, posted.get(1).path("body").asText(), ReviewGitHubTests.USER_ID, 3, 0));
    }

    static String at(int minute) {
        return String.format("2026-11-20T20:%02d:00Z", minute);
    }

    /** 22 people rate the rule's two comments; 5 of them say it is not useful (23 %). */
    void twentyTwoPeopleRateTheRuleFiveFindItNotUseful(List<ObjectNode> comments) {
        List<JsonNode> onProgress = new ArrayList<>();
        // alice first liked it, then changed her mind: her later 👎 is her rating.
        onProgress.add(github.reaction(1, "alice", 201, "+1", at(1)));
        onProgress.add(github.reaction(2, "alice", 201, "-1", at(9)));
        onProgress.add(github.reaction(3, "bob", 202, "-1", at(2)));
        onProgress.add(github.reaction(4, "carol", 203, "-1", at(2)));
        onProgress.add(github.reaction(5, "dan", 204, "laugh", at(2)));
        for (int i = 0; i < 12; i++) {
            onProgress.add(github.reaction(10 + i, "fan" + i, 300 + i, "+1", at(3)));
        }
        List<JsonNode> onUserId = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            onUserId.add(github.reaction(40 + i, "reader" + i, 400 + i, "+1", at(4)));
        }
        github.reactions(10, onProgress);
        github.reactions(11, onUserId);
        List<JsonNode> listed = new ArrayList<>();
        listed.add(github.withReactionRollup(comments.get(0), onProgress));
        listed.add(github.withReactionRollup(comments.get(1), onUserId));
        listed.add(reply(12, 11, "erin", 501, "Not useful: Assert is a plain precondition helper, not a framework dependency."));
        listed.add(reply(13, 11, "frank", 502, "> Domain code imports org.springframework\n\nnot useful, we accept this in value objects"));
        listed.add(reply(14, 10, "grace", 503, "Good catch, moving it to the adapter."));
        github.reviewComments(listed);
    }

    ObjectNode reply(long id, long to, String login, long userId, String body) {
        ObjectNode reply = github.reviewComment(id, body, ReviewGitHubTests.USER_ID, 3, to);
        reply.set("user", github.user(login, userId));
        reply.put("created_at", at(5));
        return reply;
    }

    @Test
    void aRuleRatedNotUsefulByEnoughPeopleIsDemotedUntilAMaintainerReEnablesIt() throws Exception {
        twentyTwoPeopleRateTheRuleFiveFindItNotUseful(firstRunComments());
        github.resetJournal();

        Cli.Result again = review();

        assertThat(again.exitCode()).as("the demoted rule's errors no longer fail the run: " + again.err()).isZero();
        assertThat(again.err()).contains("tenet: ratings: 22 read from the pull request's comments, 22 new or changed")
                .contains("tenet: demoted (not blocking): " + RULE + " (23 % not useful over 22 ratings)")
                .doesNotContain("Flyway").doesNotContain("INFO");
        String summary = FakeGitHub.body(github.requests(RequestMethod.PATCH, API + "/issues/comments/1001").get(0)).path("body").asText();
        assertThat(summary).contains("\u26A0\uFE0F **Not blocking (demoted rules)**: 2 new finding(s)").contains("### Demoted rules (not blocking)")
                .contains("- `" + RULE + "` demoted: 23 % not useful over 22 ratings \u2014 a maintainer can re-enable it with `tenet stats --reenable "
                        + RULE + "`")
                .doesNotContain("**Changes requested**");
        JsonNode run = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/check-runs").get(0));
        assertThat(run.path("conclusion").asText()).isEqualTo("neutral");
        assertThat(github.requests(RequestMethod.PUT, API + "/pulls/" + PR + "/reviews/80/dismissals")).as("the request for changes is withdrawn")
                .hasSize(1);

        Cli.Result table = stats();
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Review ratings (" + ratingsDb + "):")
                .containsPattern("rule\\s+ratings\\s+not useful\\s+rate\\s+status")
                .containsPattern(RULE.replace(".", "\\.") + "\\s+22\\s+5\\s+23%\\s+demoted")
                .contains("re-enable one with 'tenet stats --reenable RULE'");
        JsonNode rated = FakeGitHub.JSON.readTree(stats("--format", "json").out()).path("reviewRatings").get(0);
        assertThat(rated.path("rule").asText()).isEqualTo(RULE);
        assertThat(rated.path("ratings").asInt()).isEqualTo(22);
        assertThat(rated.path("notUseful").asInt()).isEqualTo(5);
        assertThat(rated.path("notUsefulRate").asDouble()).isEqualTo(0.227);
        assertThat(rated.path("demoted").asBoolean()).isTrue();

        Cli.Result reenabled = stats("--reenable", RULE);
        assertThat(reenabled.exitCode()).as(reenabled.err()).isZero();
        assertThat(reenabled.out()).startsWith("Re-enabled " + RULE + " (was 23 % not useful over 22 ratings): its findings block again.");
        assertThat(stats().out()).containsPattern(RULE.replace(".", "\\.") + "\\s+0\\s+0\\s+0%\\s+re-enabled \\d{4}-\\d\\d-\\d\\d, counting afresh");
        github.resetJournal();

        Cli.Result restored = review();
        assertThat(restored.exitCode()).as("the old ratings predate the re-enable: " + restored.err()).isEqualTo(1);
        assertThat(restored.err()).doesNotContain("demoted");
        assertThat(FakeGitHub.body(github.requests(RequestMethod.PATCH, API + "/issues/comments/1001").get(0)).path("body").asText())
                .contains("**Changes requested**").doesNotContain("Demoted");
    }

    @Test
    void aFindingFixedBeforeTheNextReviewCountsAsAUsefulRating() throws Exception {
        github.reviewComments(new ArrayList<>(firstRunComments()));
        // The author removes the Spring import from UserId; TrainingProgress keeps its finding.
        github.files(List.of(ReviewGitHubTests.added(ReviewGitHubTests.PROGRESS, ReviewLocalTests.FRAMEWORK_DOMAIN),
                new FakeGitHub.PrFile(ReviewGitHubTests.USER_ID, "modified", "@@ -1,4 +1,5 @@\n package com.acme.learning.domain;\n \n+// ids are opaque\n public record UserId(String value) {\n }",
                        "package com.acme.learning.domain;\n\n// ids are opaque\npublic record UserId(String value) {\n}\n")));
        github.resetJournal();

        Cli.Result again = review();
        Cli.Result once = review();

        assertThat(again.exitCode()).as(again.err()).isEqualTo(1);
        assertThat(again.err()).contains("tenet: ratings: 1 read from the pull request's comments, 1 new or changed");
        assertThat(once.err()).as("the same fix is one rating").contains("1 read from the pull request's comments, 0 new or changed");
        assertThat(github.requests(RequestMethod.DELETE, API + "/pulls/comments/11")).isNotEmpty();
        JsonNode rated = FakeGitHub.JSON.readTree(stats("--format", "json").out()).path("reviewRatings");
        assertThat(rated).hasSize(1);
        assertThat(rated.get(0).path("rule").asText()).isEqualTo(RULE);
        assertThat(rated.get(0).path("ratings").asInt()).isEqualTo(1);
        assertThat(rated.get(0).path("notUseful").asInt()).isZero();
        assertThat(rated.get(0).path("demoted").asBoolean()).isFalse();
    }

    @Test
    void reEnablingARuleWithoutRatingsOrABadDatabaseUrlIsAOneLineUsageError() {
        Cli.Result unknown = stats("--reenable", "no.such-rule");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("tenet: --reenable no.such-rule: no ratings recorded for this rule in " + ratingsDb
                + " (see 'tenet stats')");

        Cli.Result bad = Cli.run("stats", "--cache-dir", dir.resolve("cache").toString(), "--ratings-db", "jdbc:sqlite:/tmp/x.db?password=hunter2");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("tenet: --ratings-db 'jdbc:sqlite:/tmp/x.db' is not a supported JDBC URL"
                + " (expected jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:)");
        Cli.Result down = Cli.run("stats", "--cache-dir", dir.resolve("cache").toString(), "--ratings-db", "jdbc:postgresql://127.0.0.1:1/none");
        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.err()).startsWith("tenet: cannot open the ratings database jdbc:postgresql://127.0.0.1:1/none: ");
        assertThat(down.err().strip()).doesNotContain("\n");
    }
}
