package dev.tenet.review.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeGitHubOpenApiTests {
    private static int send(FakeGitHub github, String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(github.url() + path)).method(method, publisher)
                .header("Content-Type", "application/json").build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void everyStubbedResponseMatchesGitHubsDescription() throws Exception {
        try (FakeGitHub github = new FakeGitHub()) {
            github.files(List.of(new FakeGitHub.PrFile("src/A.java", "added", "@@ -0,0 +1 @@\n+class A {}", "class A {}\n")));
            github.reviewComments(List.of(github.reviewComment(10, "x", "src/A.java", 1, 0), github.reviewComment(12, "reply", "src/A.java", 1, 10)));
            github.reviews(List.of(github.review(80, "CHANGES_REQUESTED", "body")));
            github.issueComments(List.of(github.issueComment(1001, "summary")));
            github.checkRuns(List.of(github.checkRun(4, "completed", "failure", "tenet-1")));
            for (String path : List.of("/user", FakeGitHub.API, FakeGitHub.API + "/pulls/7", FakeGitHub.API + "/pulls/7/files",
                    FakeGitHub.API + "/contents/src/A.java", FakeGitHub.API + "/pulls/7/comments", FakeGitHub.API + "/pulls/7/reviews",
                    FakeGitHub.API + "/issues/7/comments", FakeGitHub.API + "/commits/" + github.headSha + "/check-runs")) {
                assertThat(send(github, "GET", path, null)).as(path).isEqualTo(200);
            }
            assertThat(github.openApiViolations()).isEmpty();
        }
    }

    @Test
    void aRequestBodyGitHubWouldRejectFailsTheTestNamingOperationPathAndProblem() throws Exception {
        FakeGitHub github = new FakeGitHub();
        send(github, "POST", FakeGitHub.API + "/pulls/7/reviews", """
                {"commit_id": "%s", "event": "APPROVE_ALL", "comments": [{"line": 3, "body": "x"}]}""".formatted(FakeGitHub.HEAD_SHA));

        assertThat(github.openApiViolations()).containsExactlyInAnyOrder(
                "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews request body $.event: does not have a value in the enumeration "
                        + "[\"APPROVE\", \"REQUEST_CHANGES\", \"COMMENT\"]",
                "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews request body $.comments[0]: required property 'path' not found");
        assertThatThrownBy(github::close).isInstanceOf(AssertionError.class).hasMessageContaining("$.event");
    }

    @Test
    void aStubbedResponseShapedUnlikeGitHubsFailsTheTest() throws Exception {
        FakeGitHub github = new FakeGitHub();
        github.server.stubFor(get(urlPathEqualTo(FakeGitHub.API + "/pulls/7")).willReturn(okJson("{\"number\": \"seven\", \"state\": \"open\"}")));
        send(github, "GET", FakeGitHub.API + "/pulls/7", null);

        assertThat(github.openApiViolations()).contains(
                "GET /repos/{owner}/{repo}/pulls/{pull_number} response 200 body $.number: string found, integer expected");
        assertThatThrownBy(github::close).isInstanceOf(AssertionError.class).hasMessageContaining("$.number");
    }

    @Test
    void aCallToAnOperationOutsideTheDescribedOnesIsReportedWhenServed() throws Exception {
        FakeGitHub github = new FakeGitHub();
        github.server.stubFor(get(urlPathEqualTo("/rate_limit")).willReturn(okJson("{}")));
        send(github, "GET", "/rate_limit", null);

        assertThat(github.openApiViolations()).singleElement().asString().startsWith("GET /rate_limit: served 200");
        assertThatThrownBy(github::close).isInstanceOf(AssertionError.class);
    }
}
