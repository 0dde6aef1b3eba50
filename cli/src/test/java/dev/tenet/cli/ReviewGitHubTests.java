package dev.tenet.cli;

import dev.tenet.review.github.FakeGitHub;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.tenet.review.github.FakeGitHub.API;
import static dev.tenet.review.github.FakeGitHub.HEAD_SHA;
import static dev.tenet.review.github.FakeGitHub.PR;

class ReviewGitHubTests {
    static final String PROGRESS = "src/main/java/com/acme/learning/domain/TrainingProgress.java";
    static final String USER_ID = "src/main/java/com/acme/learning/domain/UserId.java";
    static final String USER_ID_PATCH = """
            @@ -1,4 +1,6 @@
             package com.acme.learning.domain;
             \s
            +import org.springframework.util.Assert;
            +
             public record UserId(String value) {
             }""";
    static final String USER_ID_NEW = "package com.acme.learning.domain;\n\nimport org.springframework.util.Assert;\n\npublic record UserId(String value) {\n}\n";

    @TempDir
    Path dir;
    FakeGitHub github;
    Path token;

    @BeforeEach
    void start() throws Exception {
        github = new FakeGitHub();
        // A team that keeps its domain free of Spring raises domain-no-framework (info by default) to error.
        github.repositoryFile(".tenet/config.yml", ReviewLocalTests.SPRING_FREE_DOMAIN);
        token = dir.resolve("token");
        Files.writeString(token, "ghp_16C7e42F292c6912E7710c838347Ae178B4a\n");
    }

    @AfterEach
    void stop() {
        github.close();
    }

    Cli.Result review(String... extra) {
        return reviewOf(dir.resolve("no-checkout"), extra);
    }

    Cli.Result reviewOf(Path tree, String... extra) {
        List<String> args = new ArrayList<>(List.of("review", tree.toString(), "--publish", "github",
                "--repo", "acme/learning", "--pr", String.valueOf(PR), "--github-url", github.url(), "--token-file", token.toString(),
                "--no-cache", "--github-retry-delay", "1", "--format", "json", "--ratings-db", "jdbc:h2:file:" + dir.resolve("ratings")));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    void twoFindings() {
        github.files(List.of(
                added(PROGRESS, ReviewLocalTests.FRAMEWORK_DOMAIN),
                new FakeGitHub.PrFile(USER_ID, "modified", USER_ID_PATCH, USER_ID_NEW),
                new FakeGitHub.PrFile("README.md", "modified", "@@ -1 +1 @@\n-# Learning\n+# Learning progress", null),
                new FakeGitHub.PrFile("src/main/java/com/acme/learning/domain/Old.java", "removed", "@@ -1,2 +0,0 @@\n-package x;\n-class Old {}", null)));
    }

    static FakeGitHub.PrFile added(String path, String content) {
        StringBuilder patch = new StringBuilder("@@ -0,0 +1," + content.lines().count() + " @@");
        content.lines().forEach(line -> patch.append("\n+").append(line));
        return new FakeGitHub.PrFile(path, "added", patch.toString(), content);
    }

    @Test
    void publishesOneReviewWithInlineCommentsACheckRunAndOneSummary() throws Exception {
        twoFindings();
        Cli.Result result = review();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(ReviewLocalTests.findings(result)).containsExactly(
                "layering.domain-no-framework " + PROGRESS + ":3", "layering.domain-no-framework " + USER_ID + ":3");

        List<LoggedRequest> reviews = github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews");
        assertThat(reviews).hasSize(1);
        JsonNode review = FakeGitHub.body(reviews.get(0));
        assertThat(review.path("commit_id").asText()).isEqualTo(HEAD_SHA);
        assertThat(review.path("event").asText()).isEqualTo("REQUEST_CHANGES");
        assertThat(review.path("body").asText()).contains("<!-- tenet:review -->");
        assertThat(review.path("comments")).hasSize(2);
        for (JsonNode comment : review.path("comments")) {
            assertThat(comment.path("line").asInt()).isEqualTo(3);
            assertThat(comment.path("side").asText()).isEqualTo("RIGHT");
            assertThat(comment.has("start_line")).as("single-line finding").isFalse();
            assertThat(comment.path("body").asText())
                    .contains("**error** `layering.domain-no-framework`: Domain code imports")
                    .contains("**Why:** The domain holds the business rules")
                    .contains("**Fix:** Move the framework-facing code")
                    .containsPattern("<!-- tenet:fingerprint=[0-9a-f]{24} -->");
        }
        assertThat(review.path("comments").findValuesAsText("path")).containsExactly(PROGRESS, USER_ID);

        List<LoggedRequest> checkRuns = github.requests(RequestMethod.POST, API + "/check-runs");
        assertThat(checkRuns).hasSize(1);
        JsonNode run = FakeGitHub.body(checkRuns.get(0));
        assertThat(run.path("name").asText()).isEqualTo("Tenet");
        assertThat(run.path("head_sha").asText()).isEqualTo(HEAD_SHA);
        assertThat(run.path("status").asText()).isEqualTo("completed");
        assertThat(run.path("conclusion").asText()).isEqualTo("failure");
        assertThat(run.path("output").path("annotations")).hasSize(2);
        assertThat(run.path("output").path("annotations").get(0).path("annotation_level").asText()).isEqualTo("failure");

        List<LoggedRequest> summaries = github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments");
        assertThat(summaries).hasSize(1);
        String summary = FakeGitHub.body(summaries.get(0)).path("body").asText();
        assertThat(summary).startsWith("<!-- tenet:summary -->").contains("**Changes requested**: 2 new finding(s) in 3 changed file(s) at `6dcb09b`")
                .contains("| `layering.domain-no-framework` Domain code depends on no framework and on no outer layer | error | 2 |")
                .contains("Inline comments: 2 posted by this run, 0 already on the pull request")
                .contains("1 changed file(s) that are not Java sources")
                .contains("No checkout of the head commit");
        assertThat(result.err()).contains("posted: review (REQUEST_CHANGES) with 2 inline comment(s)")
                .contains("posted: check run Tenet: failure, 2 annotation(s)").contains("posted: summary comment created");
    }

    @Test
    void aCheckoutOfTheHeadCommitIsReviewedFromDiskAsTheActionRunsIt() throws Exception {
        Path checkout = dir.resolve("checkout");
        String head;
        try (GitRepo repo = GitRepo.init(checkout)) {
            repo.write(PROGRESS, ReviewLocalTests.FRAMEWORK_DOMAIN).write(USER_ID, USER_ID_NEW).write("README.md", "# Learning progress\n")
                    .write(".tenet/config.yml", ReviewLocalTests.SPRING_FREE_DOMAIN);
            head = repo.commitAll("progress");
        }
        github.close();
        github = new FakeGitHub(head);
        twoFindings();

        Cli.Result result = reviewOf(checkout);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(ReviewLocalTests.findings(result)).containsExactly(
                "layering.domain-no-framework " + PROGRESS + ":3", "layering.domain-no-framework " + USER_ID + ":3");
        assertThat(github.server.getAllServeEvents()).as("no file fetched through the contents API")
                .noneMatch(e -> e.getRequest().getUrl().startsWith(API + "/contents/"));
        JsonNode review = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews").get(0));
        assertThat(review.path("commit_id").asText()).isEqualTo(head);
        assertThat(review.path("comments")).hasSize(2);
        String summary = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments").get(0)).path("body").asText();
        assertThat(summary).contains("Inline comments: 2 posted by this run").doesNotContain("No checkout of the head commit");
    }

    @Test
    void aDualWriteMadeByANewCallToAHelperIsCommentedOnTheChangedCallLine() throws Exception {
        Path checkout = dir.resolve("checkout");
        String service = ReviewPathTests.WRITING_SERVICE.replace(ReviewPathTests.NEW_CALL.lines().findFirst().orElseThrow() + "\n",
                ReviewPathTests.NEW_CALL);
        String head;
        try (GitRepo repo = GitRepo.init(checkout)) {
            repo.write(ReviewPathTests.SERVICE, service).write(ReviewPathTests.PUBLISHER, ReviewPathTests.PUBLISHER_CODE);
            head = repo.commitAll("announce payments");
        }
        github.close();
        github = new FakeGitHub(head);
        github.files(List.of(new FakeGitHub.PrFile(ReviewPathTests.SERVICE, "modified", """
                @@ -16,3 +16,4 @@
                     public void record(String orderId) {
                         jdbcTemplate.update("UPDATE orders SET paid = true WHERE id = ?", orderId);
                +        publisher.publish(orderId);
                     }""", service)));

        Cli.Result result = reviewOf(checkout);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        JsonNode comments = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews").get(0)).path("comments");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).path("path").asText()).isEqualTo(ReviewPathTests.SERVICE);
        assertThat(comments.get(0).path("line").asInt()).isEqualTo(18);
        assertThat(comments.get(0).path("body").asText()).contains("`pipeline.outbox-dual-write`: This call publishes to Kafka "
                + "(kafkaTemplate.send() via PaymentPublisher#publish) inside the transaction of @Transactional OrderService#record");
    }

    @Test
    void aSecondRunEditsTheSummaryInPlaceAndPostsNothingTwice() throws Exception {
        twoFindings();
        assertThat(review().exitCode()).isEqualTo(1);
        github.acceptWhatWasPosted();
        github.resetJournal();

        Cli.Result again = review();
        assertThat(again.exitCode()).as(again.err()).isEqualTo(1);
        assertThat(github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews")).isEmpty();
        assertThat(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments")).isEmpty();
        assertThat(github.requests(RequestMethod.POST, API + "/check-runs")).isEmpty();
        List<LoggedRequest> edits = github.requests(RequestMethod.PATCH, API + "/issues/comments/1001");
        assertThat(edits).hasSize(1);
        assertThat(FakeGitHub.body(edits.get(0)).path("body").asText()).contains("0 posted by this run, 2 already on the pull request");
        assertThat(again.err()).contains("check run Tenet: failure, 2 annotation(s) (already up to date)")
                .contains("summary comment updated in place (comment 1001)");
    }

    @Test
    void commentsWhoseFindingIsGoneAreDeletedOrMarkedResolvedWhenSomeoneReplied() throws Exception {
        twoFindings();
        review();
        github.acceptWhatWasPosted();
        List<JsonNode> existing = new ArrayList<>();
        // GitHub now holds Tenet's two comments (10 on TrainingProgress, 11 on UserId) and a reply to comment 10.
        List<LoggedRequest> posted = github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews");
        JsonNode comments = FakeGitHub.body(posted.get(0)).path("comments");
        existing.add(github.reviewComment(10, comments.get(0).path("body").asText(), PROGRESS, 3, 0));
        existing.add(github.reviewComment(11, comments.get(1).path("body").asText(), USER_ID, 3, 0));
        existing.add(github.reviewComment(12, "We will move it next sprint.", PROGRESS, 3, 10));
        github.reviewComments(existing);
        github.files(List.of(added(PROGRESS, ReviewLocalTests.CLEAN_DOMAIN.replace("UserId", "TrainingProgress")),
                new FakeGitHub.PrFile(USER_ID, "modified", "@@ -1,4 +1,5 @@\n package com.acme.learning.domain;\n \n+// ids are opaque\n public record UserId(String value) {\n }",
                        "package com.acme.learning.domain;\n\n// ids are opaque\npublic record UserId(String value) {\n}\n")));
        github.resetJournal();

        Cli.Result fixed = review();
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(github.requests(RequestMethod.DELETE, API + "/pulls/comments/11")).hasSize(1);
        assertThat(github.requests(RequestMethod.DELETE, API + "/pulls/comments/10")).isEmpty();
        List<LoggedRequest> resolved = github.requests(RequestMethod.PATCH, API + "/pulls/comments/10");
        assertThat(resolved).hasSize(1);
        assertThat(FakeGitHub.body(resolved.get(0)).path("body").asText()).startsWith("\u2705 **Resolved**").contains("<!-- tenet:resolved=")
                .doesNotContain("tenet:fingerprint=");
        assertThat(github.requests(RequestMethod.PUT, API + "/pulls/" + PR + "/reviews/80/dismissals")).hasSize(1);
        assertThat(github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews")).as("nothing new to say").isEmpty();
        JsonNode run = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/check-runs").get(0));
        assertThat(run.path("conclusion").asText()).isEqualTo("success");
        assertThat(FakeGitHub.body(github.requests(RequestMethod.PATCH, API + "/issues/comments/1001").get(0)).path("body").asText())
                .contains("**No new findings**").contains("2 resolved because the finding is gone");
    }

    @Test
    void aReviewRetriedAfterA502IsPostedOnce() throws Exception {
        twoFindings();
        github.server.stubFor(post(urlPathEqualTo(API + "/pulls/" + PR + "/reviews")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502).withBody("Bad Gateway")).willSetStateTo("recovered"));
        github.server.stubFor(post(urlPathEqualTo(API + "/pulls/" + PR + "/reviews")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(github.review(80, "CHANGES_REQUESTED", "").toString())));

        Cli.Result result = review();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        List<LoggedRequest> attempts = github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).getBodyAsString()).isEqualTo(attempts.get(0).getBodyAsString());
        assertThat(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments")).hasSize(1);
        assertThat(result.err()).contains("posted: review (REQUEST_CHANGES) with 2 inline comment(s)");
    }

    @Test
    void aReviewThatWentThroughDespiteA502IsNotPostedAgain() throws Exception {
        twoFindings();
        Cli.Result learn = review();
        List<JsonNode> comments = new ArrayList<>();
        comments.add(github.reviewComment(10, "x <!-- tenet:fingerprint=" + fingerprintOf(learn, 0) + " -->", PROGRESS, 3, 0));
        comments.add(github.reviewComment(11, "x <!-- tenet:fingerprint=" + fingerprintOf(learn, 1) + " -->", USER_ID, 3, 0));
        github.resetJournal();
        // The POST times out at the gateway (502) but GitHub did create the review: its comments are listed afterwards.
        github.server.stubFor(get(urlPathEqualTo(API + "/pulls/" + PR + "/comments")).inScenario("lost answer")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        github.server.stubFor(post(urlPathEqualTo(API + "/pulls/" + PR + "/reviews")).inScenario("lost answer")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(502)).willSetStateTo("posted"));
        github.server.stubFor(get(urlPathEqualTo(API + "/pulls/" + PR + "/comments")).inScenario("lost answer")
                .whenScenarioStateIs("posted").willReturn(okJson(FakeGitHub.JSON.valueToTree(comments).toString())));

        Cli.Result result = review();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews")).as(result.err()).hasSize(1);
        assertThat(result.err()).contains("posted: review (REQUEST_CHANGES) with 2 inline comment(s)");
    }

    @Test
    void aPublishThatCannotCompleteSaysWhatWasPostedAndItsRetryDuplicatesNothing() throws Exception {
        twoFindings();
        github.server.stubFor(post(urlPathEqualTo(API + "/check-runs")).willReturn(aResponse().withStatus(503).withBody("{\"message\":\"Service Unavailable\"}")));
        Cli.Result failed = review();
        assertThat(failed.exitCode()).isEqualTo(4);
        assertThat(failed.err()).contains("was only partly published")
                .contains("posted: review (REQUEST_CHANGES) with 2 inline comment(s)")
                .contains("NOT posted: check run Tenet (HTTP 503)")
                .contains("posted: summary comment created")
                .contains("Re-running is safe");
        assertThat(github.requests(RequestMethod.POST, API + "/check-runs")).as("retried with backoff").hasSize(4);
        assertThat(FakeGitHub.body(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments").get(0)).path("body").asText())
                .contains("### Not published").contains("check run Tenet (HTTP 503)");

        github.acceptWhatWasPosted();
        github.checkRuns(List.of());
        github.server.stubFor(post(urlPathEqualTo(API + "/check-runs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(github.checkRun(4, "completed", "failure", null).toString())));
        github.resetJournal();
        Cli.Result retried = review();
        assertThat(retried.exitCode()).as(retried.err()).isEqualTo(1);
        assertThat(github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews")).isEmpty();
        assertThat(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments")).isEmpty();
        assertThat(github.requests(RequestMethod.POST, API + "/check-runs")).hasSize(1);
        assertThat(github.requests(RequestMethod.PATCH, API + "/issues/comments/1001")).hasSize(1);
    }

    @Test
    void annotationsGoInBatchesOfFiftyAndInlineCommentsStopAtTheCap() throws Exception {
        StringBuilder source = new StringBuilder("package com.acme.learning.domain;\n\n");
        for (int i = 0; i < 120; i++) {
            source.append("import org.springframework.pkg").append(i).append(".Type").append(i).append(";\n");
        }
        source.append("\npublic class Big {\n}\n");
        github.files(List.of(added("src/main/java/com/acme/learning/domain/Big.java", source.toString())));

        Cli.Result result = review();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        JsonNode created = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/check-runs").get(0));
        assertThat(created.path("output").path("annotations")).hasSize(50);
        assertThat(created.path("status").asText()).isEqualTo("in_progress");
        List<LoggedRequest> updates = github.requests(RequestMethod.PATCH, API + "/check-runs/4");
        assertThat(updates).hasSize(2);
        assertThat(FakeGitHub.body(updates.get(0)).path("output").path("annotations")).hasSize(50);
        JsonNode last = FakeGitHub.body(updates.get(1));
        assertThat(last.path("output").path("annotations")).hasSize(20);
        assertThat(last.path("status").asText()).isEqualTo("completed");
        assertThat(last.path("conclusion").asText()).isEqualTo("failure");

        JsonNode review = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews").get(0));
        assertThat(review.path("comments")).hasSize(30);
        String summary = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments").get(0)).path("body").asText();
        assertThat(summary.split("over the cap of 30 inline comments per review", -1)).hasSize(91);
    }

    @Test
    void aGitHubAppExchangesItsJwtForAnInstallationToken() throws Exception {
        twoFindings();
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair keys = generator.generateKeyPair();
        Path key = dir.resolve("app.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        github.githubApp();

        List<String> args = new ArrayList<>(List.of("review", dir.resolve("no-checkout").toString(), "--publish", "github",
                "--repo", "acme/learning", "--pr", String.valueOf(PR), "--github-url", github.url(), "--app-id", "1",
                "--app-key", key.toString(), "--no-cache", "--github-retry-delay", "1", "--format", "json", "--ratings-db", "jdbc:h2:file:" + dir.resolve("ratings")));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        String jwt = github.requests(RequestMethod.GET, API + "/installation").get(0).getHeader("Authorization");
        assertThat(jwt).startsWith("Bearer ey");
        assertThat(github.requests(RequestMethod.POST, "/app/installations/42/access_tokens")).hasSize(1);
        assertThat(github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews").get(0).getHeader("Authorization"))
                .isEqualTo("token ghs_16C7e42F292c6912E7710c838347Ae178B4a");
        assertThat(github.requests(RequestMethod.GET, API + "/pulls/" + PR).get(0).getHeader("Authorization"))
                .isEqualTo("token ghs_16C7e42F292c6912E7710c838347Ae178B4a");
    }

    @Test
    void missingCredentialsOrPullRequestAreUsageErrors() {
        Cli.Result noPr = Cli.run("review", dir.toString(), "--publish", "github", "--repo", "acme/learning", "--token-file", token.toString());
        assertThat(noPr.exitCode()).isEqualTo(2);
        assertThat(noPr.err()).contains("--pr");
        Cli.Result mixed = Cli.run("review", dir.toString(), "--publish", "github", "--base", "main");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("drop --base");
    }

    static void manyFindings(FakeGitHub github, int count) {
        StringBuilder source = new StringBuilder("package com.acme.learning.domain;\n\n");
        for (int i = 0; i < count; i++) {
            source.append("import org.springframework.pkg").append(i).append(".Type").append(i).append(";\n");
        }
        source.append("\npublic class Big {\n}\n");
        github.files(List.of(added("src/main/java/com/acme/learning/domain/Big.java", source.toString())));
    }

    @Test
    void aSummaryOfHundredsOfFindingsBeyondTheCapStaysUnderGitHubsLimitAndLinksTheCheckRun() throws Exception {
        manyFindings(github, 300);

        Cli.Result result = review();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        String summary = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments").get(0)).path("body").asText();
        assertThat(summary.length()).isLessThanOrEqualTo(65_536);
        int listed = summary.split("over the cap of 30 inline comments per review", -1).length - 1;
        java.util.regex.Matcher more = java.util.regex.Pattern.compile("\u2026and (\\d+) more, too many for one comment: "
                + "the \\[check run]\\((\\S+)\\) lists every finding").matcher(summary);
        assertThat(more.find()).as(summary.substring(summary.length() - 500)).isTrue();
        assertThat(listed + Integer.parseInt(more.group(1))).isEqualTo(270);
        assertThat(listed).isGreaterThan(100);
        assertThat(more.group(2)).isEqualTo("https://github.com/acme/learning/runs/4");
        assertThat(summary).endsWith("this comment is updated on every run.</sub>\n");
        assertThat(result.err()).contains("posted: summary comment created");
    }

    @Test
    void anInlineCommentGitHubRefusesIsLeftOutOfTheReviewAndListedInTheSummary() throws Exception {
        twoFindings();
        github.refuseInlineCommentsOn(USER_ID, 3);

        Cli.Result result = review();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        List<JsonNode> submitted = new ArrayList<>();
        for (LoggedRequest request : github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews")) {
            JsonNode body = FakeGitHub.body(request);
            if (body.has("event")) {
                submitted.add(body);
            }
        }
        assertThat(submitted).as("refused with both comments, then posted without the refused one").hasSize(2);
        assertThat(submitted.get(1).path("comments").findValuesAsText("path")).containsExactly(PROGRESS);
        assertThat(github.requests(RequestMethod.DELETE, API + "/pulls/" + PR + "/reviews/81")).as("every accepted trial deleted").isNotEmpty();
        String summary = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments").get(0)).path("body").asText();
        assertThat(summary).contains("Inline comments: 1 posted by this run")
                .contains("- `" + USER_ID + ":3` **error** ").contains("GitHub refused the inline comment (HTTP 422)");
        assertThat(result.err()).contains("posted: review (REQUEST_CHANGES) with 1 inline comment(s); GitHub refused 1 more, listed in the summary");
    }

    @Test
    void aTokenThatCannotCreateCheckRunsSetsACommitStatusWithOneNoteInsteadOfFailing() throws Exception {
        twoFindings();
        github.checkRunsRefusedToPersonalAccessToken();

        Cli.Result result = review();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        JsonNode status = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/statuses/" + HEAD_SHA).get(0));
        assertThat(status.path("state").asText()).isEqualTo("failure");
        assertThat(status.path("context").asText()).isEqualTo("Tenet");
        assertThat(github.requests(RequestMethod.POST, API + "/check-runs")).as("a 403 is not retried").hasSize(1);
        String summary = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments").get(0)).path("body").asText();
        assertThat(summary).contains("> No check run: GitHub does not let this token create check runs").doesNotContain("### Not published");
        assertThat(result.err()).contains("posted: commit status Tenet: failure (instead of a check run");
    }

    @Test
    void whenCommitStatusesAreRefusedTooTheSummaryIsTheResult() throws Exception {
        twoFindings();
        github.checkRunsRefusedToPersonalAccessToken();
        github.commitStatusesRefused();

        Cli.Result result = review();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        String summary = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments").get(0)).path("body").asText();
        assertThat(summary).contains("This comment is the review's only result.");
        assertThat(result.err()).contains("posted: this summary only");
    }

    @Test
    void aReviewWhoseHeadMovedMeanwhileIsNotPublished() throws Exception {
        twoFindings();
        github.headMovesWhileFilesAreRead("0123456789abcdef0123456789abcdef01234567");

        Cli.Result result = review();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("tenet: the pull request's head moved from " + HEAD_SHA
                + " to 0123456789abcdef0123456789abcdef01234567 during the review; the stale review was not published");
        assertThat(github.server.getAllServeEvents()).as("nothing posted").allMatch(e -> e.getRequest().getMethod().equals(RequestMethod.GET));
    }

    @Test
    void aRateLimitLongerThanTheAllowedWaitEndsTheRunInOneLineSayingWhenToRetry() throws Exception {
        twoFindings();
        long reset = java.time.Instant.now().plusSeconds(3600).getEpochSecond();
        github.server.stubFor(post(urlPathEqualTo(API + "/pulls/" + PR + "/reviews")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", String.valueOf(reset)).withHeader("X-RateLimit-Resource", "core")
                .withBody("{\"message\": \"API rate limit exceeded for user ID 1.\", \"documentation_url\": "
                        + "\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\", \"status\": \"403\"}")));

        Cli.Result result = review("--github-max-wait", "600");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
        assertThat(result.err().strip()).doesNotContain("\n").startsWith("tenet: GitHub's primary rate limit asks to wait until "
                + java.time.Instant.ofEpochSecond(reset + 1)).contains("longer than the 600 s allowed (--github-max-wait); retry at ");
        assertThat(github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews")).as("not retried, nothing waited").hasSize(1);
        assertThat(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments")).as("the run stops").isEmpty();
    }

    @Test
    void aSecondaryRateLimitWithoutRetryAfterAsksForAMinute() throws Exception {
        twoFindings();
        github.server.stubFor(post(urlPathEqualTo(API + "/pulls/" + PR + "/reviews")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\", "
                        + "\"documentation_url\": \"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\", \"status\": \"403\"}")));

        Cli.Result result = review("--github-max-wait", "30");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
        assertThat(result.err()).contains("GitHub's secondary rate limit asks to wait until").contains("(60 s), longer than the 30 s allowed");
    }

    @Test
    void aReviewRefusedForAReasonOtherThanItsCommentsIsReportedAsNotPosted() throws Exception {
        twoFindings();
        github.server.stubFor(post(urlPathEqualTo(API + "/pulls/" + PR + "/reviews")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"message": "Unprocessable Entity", "errors": ["commit_id is not part of the pull request"],
                         "documentation_url": "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request", "status": "422"}""")));

        Cli.Result result = review();
        assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
        assertThat(result.err()).contains("NOT posted: review with 2 inline comment(s) (HTTP 422)").contains("posted: summary comment created");
        List<LoggedRequest> attempts = github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews");
        assertThat(attempts).as("the review, then one trial without comments, which GitHub refuses too").hasSize(2);
        assertThat(FakeGitHub.body(attempts.get(1)).path("comments")).isEmpty();
    }

    private static String fingerprintOf(Cli.Result result, int index) throws Exception {
        return ReviewLocalTests.json(result).path("findings").get(index).path("fingerprint").asText();
    }
}
