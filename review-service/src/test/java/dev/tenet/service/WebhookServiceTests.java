package dev.tenet.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.tenet.review.github.FakeGitHub;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub's example deliveries, signed and posted over HTTP to the running service, reviewed against the fake GitHub. */
class WebhookServiceTests {
    static final String CONTROLLER = "src/main/java/com/acme/learning/domain/TrainingProgress.java";
    static final String FRAMEWORK_DOMAIN = """
            package com.acme.learning.domain;

            import org.springframework.stereotype.Component;

            @Component
            public class TrainingProgress {
                private long minutes;
            }
            """;
    static final String NEWER_HEAD = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    static final String CHECK_RUNS = FakeGitHub.API + "/check-runs";

    @TempDir
    Path workspace;
    @TempDir
    Path ratingsFolder;
    FakeGitHub github;
    RunningService service;

    @BeforeEach
    void start() throws Exception {
        github = pullRequestAddingAFrameworkDomainClass();
        service = new RunningService(github, workspace, ratingsFolder);
    }

    /** The local GitHub with the App installed and a pull request adding one domain class that imports Spring. */
    static FakeGitHub pullRequestAddingAFrameworkDomainClass() {
        FakeGitHub github = new FakeGitHub();
        github.repositoryFile(".tenet/config.yml", "rules:\n  layering.domain-no-framework: error\n");
        StringBuilder patch = new StringBuilder("@@ -0,0 +1," + FRAMEWORK_DOMAIN.lines().count() + " @@");
        FRAMEWORK_DOMAIN.lines().forEach(line -> patch.append("\n+").append(line));
        github.files(List.of(new FakeGitHub.PrFile(CONTROLLER, "added", patch.toString(), FRAMEWORK_DOMAIN)));
        github.githubApp();
        return github;
    }

    @AfterEach
    void stop() {
        service.close();
        github.close();
    }

    @Test
    void aSignedPullRequestOpenedIsAcknowledgedAtOnceAndItsReviewPublishedAsTheApp() throws Exception {
        HttpResponse<String> response = service.webhooks.post("pull_request", "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                Webhooks.example("pull_request.opened", FakeGitHub.HEAD_SHA));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("review of acme/learning#7 at " + FakeGitHub.HEAD_SHA + " queued");
        RunningService.await("the summary is posted", () -> !github.requests(RequestMethod.POST, FakeGitHub.API + "/issues/7/comments").isEmpty());
        JsonNode review = FakeGitHub.body(github.requests(RequestMethod.POST, FakeGitHub.API + "/pulls/7/reviews").get(0));
        assertThat(review.path("commit_id").asText()).isEqualTo(FakeGitHub.HEAD_SHA);
        assertThat(review.path("comments").get(0).path("path").asText()).isEqualTo(CONTROLLER);
        assertThat(review.path("comments").get(0).path("body").asText()).contains("layering.domain-no-framework");
        assertThat(FakeGitHub.body(github.requests(RequestMethod.POST, CHECK_RUNS).get(0)).path("head_sha").asText()).isEqualTo(FakeGitHub.HEAD_SHA);
        assertThat(github.requests(RequestMethod.POST, "/app/installations/42/access_tokens")).hasSize(1);
        assertThat(github.requests(RequestMethod.POST, FakeGitHub.API + "/pulls/7/reviews").get(0).getHeader("Authorization"))
                .isEqualTo("token ghs_16C7e42F292c6912E7710c838347Ae178B4a");
        RunningService.await("the outcome is counted", () -> service.metric("tenet_reviews_total{outcome=\"published\"}") == 1);
        assertThat(service.metric("tenet_findings_total{rule=\"layering.domain-no-framework\"}")).isEqualTo(1);
        assertThat(service.get("/actuator/prometheus").body()).contains("tenet_queue_depth", "tenet_review_latency_seconds_count");
    }

    @Test
    void aWrongOrMissingSignatureIsRefusedWith401AndNothingElseHappens() throws Exception {
        byte[] body = Webhooks.example("pull_request.opened", FakeGitHub.HEAD_SHA).toString().getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> wrong = service.webhooks.post("pull_request", "d1", body, Webhooks.sign(body, "another secret"));
        HttpResponse<String> missing = service.webhooks.post("pull_request", "d2", body, null);
        HttpResponse<String> notJsonUnsigned = service.webhooks.post("pull_request", "d3", "{not json".getBytes(StandardCharsets.UTF_8),
                "sha256=00");

        assertThat(List.of(wrong.statusCode(), missing.statusCode(), notJsonUnsigned.statusCode())).containsOnly(401);
        assertThat(wrong.body()).contains("X-Hub-Signature-256");
        assertThat(github.server.getAllServeEvents()).as("no call to GitHub").isEmpty();
        assertThat(service.metric("tenet_queue_depth")).isZero();
        HttpResponse<String> nowSigned = service.webhooks.post("pull_request", "d1", Webhooks.example("pull_request.opened", FakeGitHub.HEAD_SHA));
        assertThat(nowSigned.statusCode()).as("a refused delivery was not recorded as processed").isEqualTo(202);
    }

    @Test
    void theSameDeliveryTwiceIsReviewedOnce() throws Exception {
        ObjectNode payload = Webhooks.example("pull_request.opened", FakeGitHub.HEAD_SHA);

        HttpResponse<String> first = service.webhooks.post("pull_request", "9f5b3f00-cc78-11e3-8a2b-4c9367dc0958", payload);
        HttpResponse<String> again = service.webhooks.post("pull_request", "9f5b3f00-cc78-11e3-8a2b-4c9367dc0958", payload);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("already processed");
        RunningService.await("the queue is empty after a review", () -> service.metric("tenet_reviews_total{outcome=\"published\"}") == 1
                && service.metric("tenet_queue_depth") == 0);
        assertThat(github.requests(RequestMethod.POST, CHECK_RUNS)).hasSize(1);
        assertThat(github.requests(RequestMethod.POST, FakeGitHub.API + "/pulls/7/reviews")).hasSize(1);
    }

    @Test
    void aSynchronizeWhileAReviewRunsWinsTheOlderHeadIsNotPublished() throws Exception {
        github.slowFileList(3000);

        service.webhooks.post("pull_request", "older", Webhooks.example("pull_request.opened", FakeGitHub.HEAD_SHA));
        RunningService.await("the first review reads the pull request", () -> !github.requests(RequestMethod.GET, FakeGitHub.API + "/pulls/7").isEmpty());
        github.headMovedTo(NEWER_HEAD);
        HttpResponse<String> newer = service.webhooks.post("pull_request", "newer", Webhooks.example("pull_request.synchronize", NEWER_HEAD));

        assertThat(newer.statusCode()).isEqualTo(202);
        RunningService.await("the newer head is published", () -> service.metric("tenet_reviews_total{outcome=\"published\"}") == 1);
        assertThat(service.metric("tenet_reviews_total{outcome=\"superseded\"}")).isEqualTo(1);
        List<LoggedRequest> runs = github.requests(RequestMethod.POST, CHECK_RUNS);
        assertThat(runs).hasSize(1);
        assertThat(FakeGitHub.body(runs.get(0)).path("head_sha").asText()).isEqualTo(NEWER_HEAD);
        assertThat(FakeGitHub.body(github.requests(RequestMethod.POST, FakeGitHub.API + "/pulls/7/reviews").get(0)).path("commit_id").asText())
                .isEqualTo(NEWER_HEAD);
    }

    @Test
    void aDeliveryForAHeadThePullRequestHasAlreadyLeftIsSupersededAndNothingIsPublished() throws Exception {
        github.headMovedTo(NEWER_HEAD);

        service.webhooks.post("pull_request", "late", Webhooks.example("pull_request.opened", FakeGitHub.HEAD_SHA));

        RunningService.await("the stale job ends", () -> service.metric("tenet_reviews_total{outcome=\"superseded\"}") == 1);
        assertThat(github.requests(RequestMethod.POST, CHECK_RUNS)).isEmpty();
        assertThat(github.requests(RequestMethod.POST, FakeGitHub.API + "/pulls/7/reviews")).isEmpty();
    }

    @Test
    void pingIsAnsweredWith200() throws Exception {
        HttpResponse<String> response = service.webhooks.post("ping", "ping-1", Webhooks.example("ping", FakeGitHub.HEAD_SHA));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("pong");
    }

    @Test
    void aDraftIsNotReviewedAndOtherActionsAndEventsAreAcknowledgedAndIgnored() throws Exception {
        ObjectNode draft = Webhooks.example("pull_request.opened", FakeGitHub.HEAD_SHA);
        ((ObjectNode) draft.path("pull_request")).put("draft", true);

        HttpResponse<String> drafted = service.webhooks.post("pull_request", "draft", draft);
        HttpResponse<String> labeled = service.webhooks.post("pull_request", "labeled", Webhooks.example("pull_request.labeled", FakeGitHub.HEAD_SHA));
        HttpResponse<String> other = service.webhooks.post("star", "star", Webhooks.example("ping", FakeGitHub.HEAD_SHA));

        assertThat(drafted.statusCode()).isEqualTo(202);
        assertThat(drafted.body()).contains("drafts are not reviewed");
        assertThat(labeled.body()).contains("action 'labeled' is not reviewed");
        assertThat(other.statusCode()).isEqualTo(202);
        assertThat(other.body()).contains("event 'star' is ignored");
        assertThat(github.server.getAllServeEvents()).as("no call to GitHub").isEmpty();
    }

    @Test
    void aNotUsefulReplyToATenetCommentCountsAgainstItsRule() throws Exception {
        String rule = "layering.domain-no-framework";
        github.reviewCommentById(FakeGitHub.OWNER + "/" + FakeGitHub.REPO, github.reviewComment(10, "\u274C **error** `" + rule
                + "`: Domain code imports org.springframework.util.Assert\n\n<!-- tenet:fingerprint=0123456789abcdef01234567 -->", CONTROLLER, 3, 0));
        ObjectNode reply = Webhooks.example("pull_request_review_comment.created", FakeGitHub.HEAD_SHA);
        ((ObjectNode) reply.path("comment")).put("in_reply_to_id", 10).put("body", "Not useful: Assert is fine in the domain.");

        HttpResponse<String> response = service.webhooks.post("pull_request_review_comment", "reply-1", reply);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("review comment received");
        RunningService.await("the reply is recorded as a rating", () -> service.ratings.health(rule).ratings() == 1);
        assertThat(service.ratings.health(rule).notUseful()).isEqualTo(1);
    }

    @Test
    void aBodyOverGitHubs25MbLimitIsRefusedWithoutBeingRead() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", service.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /webhooks/github HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-GitHub-Event: ping\r\n"
                    + "X-GitHub-Delivery: big\r\nX-Hub-Signature-256: sha256=00\r\nContent-Length: " + (25L * 1024 * 1024 + 1) + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();

            assertThat(status).isEqualTo("HTTP/1.1 413 ");
        }
    }

    @Test
    void healthIsUpAndTheMcpEndpointIsServedWithItsHostCheck() throws Exception {
        assertThat(service.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        try (Socket socket = new Socket("127.0.0.1", service.server.port())) {
            socket.getOutputStream().write(("POST /mcp HTTP/1.1\r\nHost: rebound.example\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 421").contains("\"jsonrpc\":\"2.0\"", "Invalid Host header");
        }
    }
}
