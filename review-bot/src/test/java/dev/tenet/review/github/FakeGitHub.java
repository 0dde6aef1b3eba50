package dev.tenet.review.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A local server speaking the parts of GitHub's REST API a review uses, with bodies shaped as
 * GitHub's REST reference shows them. The test sets the pull request's state; what Tenet sent is
 * read back from the request journal.
 */
public final class FakeGitHub implements AutoCloseable {
    public static final String OWNER = "acme";
    public static final String REPO = "learning";
    public static final int PR = 7;
    public static final String HEAD_SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    public static final String BASE_SHA = "e5bd3914e2e596debea16f433f57875b5b90bcd6";
    public static final String API = "/repos/" + OWNER + "/" + REPO;
    public static final ObjectMapper JSON = new ObjectMapper();

    /** A changed file of the pull request: its path, status, patch and head content. */
    public record PrFile(String path, String status, String patch, String content) {
    }

    public final WireMockServer server;
    public final String headSha;

    public FakeGitHub() {
        this(HEAD_SHA);
    }

    /** With the pull request's head at {@code headSha} (e.g. a commit of a real checkout). */
    public FakeGitHub(String headSha) {
        this.headSha = headSha;
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}")));
        server.stubFor(get(urlPathEqualTo("/user")).willReturn(okJson(user("octo-reviewer", 1).toString())));
        server.stubFor(get(urlPathEqualTo(API)).willReturn(okJson(repository())));
        server.stubFor(get(urlPathEqualTo(API + "/pulls/" + PR)).willReturn(okJson(pullRequest(1))));
        reviewComments(List.of());
        reviews(List.of());
        issueComments(List.of());
        checkRuns(List.of());
        server.stubFor(post(urlPathEqualTo(API + "/pulls/" + PR + "/reviews")).willReturn(okJson(review(80, "CHANGES_REQUESTED", "").toString())));
        server.stubFor(post(urlPathEqualTo(API + "/check-runs")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(checkRun(4, "in_progress", null, null).toString())));
        server.stubFor(patch(urlPathEqualTo(API + "/check-runs/4")).willReturn(okJson(checkRun(4, "completed", "failure", null).toString())));
        server.stubFor(post(urlPathEqualTo(API + "/issues/" + PR + "/comments")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(issueComment(1001, "posted").toString())));
        server.stubFor(patch(urlPathEqualTo(API + "/issues/comments/1001")).willReturn(okJson(issueComment(1001, "edited").toString())));
        server.stubFor(delete(urlPathEqualTo(API + "/pulls/comments/11")).willReturn(aResponse().withStatus(204)));
        server.stubFor(patch(urlPathEqualTo(API + "/pulls/comments/10")).willReturn(okJson(reviewComment(10, "edited", "x", 3, 0).toString())));
        server.stubFor(put(urlPathEqualTo(API + "/pulls/" + PR + "/reviews/80/dismissals"))
                .willReturn(okJson(review(80, "DISMISSED", "").toString())));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The pull request's files: the list with patches, and each file's head content. */
    /** A file of the head commit that the pull request does not change (e.g. the repository's .tenet/config.yml). */
    public void repositoryFile(String path, String content) {
        PrFile file = new PrFile(path, "unchanged", "", content);
        server.stubFor(get(urlPathEqualTo(API + "/contents/" + path)).willReturn(okJson(content(file).toString())));
    }

    public void files(List<PrFile> files) {
        ArrayNode list = JSON.createArrayNode();
        for (PrFile file : files) {
            ObjectNode node = list.addObject();
            node.put("sha", "bbcd538c8e72b8c175046e27cc8f907076331401");
            node.put("filename", file.path());
            node.put("status", file.status());
            node.put("additions", (int) file.patch().lines().filter(l -> l.startsWith("+")).count());
            node.put("deletions", (int) file.patch().lines().filter(l -> l.startsWith("-")).count());
            node.put("changes", file.patch().lines().count());
            node.put("blob_url", "https://github.com/" + OWNER + "/" + REPO + "/blob/" + headSha + "/" + file.path());
            node.put("raw_url", "https://github.com/" + OWNER + "/" + REPO + "/raw/" + headSha + "/" + file.path());
            node.put("contents_url", url() + API + "/contents/" + file.path() + "?ref=" + headSha);
            node.put("patch", file.patch());
            if (file.content() != null) {
                server.stubFor(get(urlPathEqualTo(API + "/contents/" + file.path())).willReturn(okJson(content(file).toString())));
            }
        }
        server.stubFor(get(urlPathEqualTo(API + "/pulls/" + PR + "/files")).willReturn(okJson(list.toString())));
        server.stubFor(get(urlPathEqualTo(API + "/pulls/" + PR)).willReturn(okJson(pullRequest(files.size()))));
    }

    public void reviewComments(List<JsonNode> comments) {
        server.stubFor(get(urlPathEqualTo(API + "/pulls/" + PR + "/comments")).willReturn(okJson(array(comments))));
    }

    public void reviews(List<JsonNode> reviews) {
        server.stubFor(get(urlPathEqualTo(API + "/pulls/" + PR + "/reviews")).willReturn(okJson(array(reviews))));
    }

    public void issueComments(List<JsonNode> comments) {
        server.stubFor(get(urlPathEqualTo(API + "/issues/" + PR + "/comments")).willReturn(okJson(array(comments))));
    }

    public void checkRuns(List<JsonNode> runs) {
        ObjectNode page = JSON.createObjectNode();
        page.put("total_count", runs.size());
        page.set("check_runs", JSON.valueToTree(runs));
        server.stubFor(get(urlPathEqualTo(API + "/commits/" + headSha + "/check-runs")).willReturn(okJson(page.toString())));
    }

    /** Makes GitHub's state what it would be after the requests recorded so far went through. */
    public void acceptWhatWasPosted() throws Exception {
        List<JsonNode> comments = new ArrayList<>();
        long id = 10;
        for (LoggedRequest request : requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews")) {
            for (JsonNode comment : body(request).path("comments")) {
                comments.add(reviewComment(id++, comment.path("body").asText(), comment.path("path").asText(), comment.path("line").asInt(), 0));
            }
        }
        reviewComments(comments);
        if (!requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews").isEmpty()) {
            reviews(List.of(review(80, "CHANGES_REQUESTED", "Tenet found ...\n\n<!-- tenet:review -->")));
        }
        List<LoggedRequest> summaries = requests(RequestMethod.POST, API + "/issues/" + PR + "/comments");
        if (!summaries.isEmpty()) {
            issueComments(List.of(issueComment(1001, body(summaries.get(summaries.size() - 1)).path("body").asText())));
        }
        List<LoggedRequest> runs = requests(RequestMethod.POST, API + "/check-runs");
        if (!runs.isEmpty()) {
            checkRuns(List.of(checkRun(4, "completed", "failure", body(runs.get(runs.size() - 1)).path("external_id").asText())));
        }
    }

    public List<LoggedRequest> requests(RequestMethod method, String path) {
        return server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getMethod().equals(method) && r.getUrl().split("\\?")[0].equals(path))
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    public static JsonNode body(LoggedRequest request) throws Exception {
        return JSON.readTree(request.getBodyAsString());
    }

    public void resetJournal() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }

    // Payloads, shaped as in GitHub's REST reference (fields a client reads; URLs point at this server).

    public ObjectNode user(String login, long id) {
        ObjectNode user = JSON.createObjectNode();
        user.put("login", login);
        user.put("id", id);
        user.put("node_id", "MDQ6VXNlcjE=");
        user.put("avatar_url", "https://github.com/images/error/octocat_happy.gif");
        user.put("url", url() + "/users/" + login);
        user.put("html_url", "https://github.com/" + login);
        user.put("type", "User");
        user.put("site_admin", false);
        return user;
    }

    public String repository() {
        ObjectNode repo = JSON.createObjectNode();
        repo.put("id", 1296269);
        repo.put("node_id", "MDEwOlJlcG9zaXRvcnkxMjk2MjY5");
        repo.put("name", REPO);
        repo.put("full_name", OWNER + "/" + REPO);
        repo.set("owner", user(OWNER, 2));
        repo.put("private", false);
        repo.put("html_url", "https://github.com/" + OWNER + "/" + REPO);
        repo.put("url", url() + API);
        repo.put("default_branch", "main");
        repo.put("visibility", "public");
        ObjectNode permissions = repo.putObject("permissions");
        permissions.put("admin", false);
        permissions.put("push", true);
        permissions.put("pull", true);
        return repo.toString();
    }

    public String pullRequest(int changedFiles) {
        ObjectNode pr = JSON.createObjectNode();
        pr.put("url", url() + API + "/pulls/" + PR);
        pr.put("id", 1347);
        pr.put("node_id", "MDExOlB1bGxSZXF1ZXN0MQ==");
        pr.put("html_url", "https://github.com/" + OWNER + "/" + REPO + "/pull/" + PR);
        pr.put("number", PR);
        pr.put("state", "open");
        pr.put("locked", false);
        pr.put("title", "Record training progress");
        pr.set("user", user("octocat", 3));
        pr.put("body", "Please pull these awesome changes in!");
        pr.put("draft", false);
        pr.put("created_at", "2026-11-20T19:01:12Z");
        pr.put("updated_at", "2026-11-20T19:01:12Z");
        pr.set("head", ref("feature/progress", headSha));
        pr.set("base", ref("main", BASE_SHA));
        pr.put("author_association", "CONTRIBUTOR");
        pr.put("merged", false);
        pr.put("mergeable", true);
        pr.put("comments", 0);
        pr.put("review_comments", 0);
        pr.put("commits", 2);
        pr.put("additions", 20);
        pr.put("deletions", 1);
        pr.put("changed_files", changedFiles);
        return pr.toString();
    }

    private ObjectNode ref(String branch, String sha) {
        ObjectNode ref = JSON.createObjectNode();
        ref.put("label", OWNER + ":" + branch);
        ref.put("ref", branch);
        ref.put("sha", sha);
        ref.set("user", user(OWNER, 2));
        return ref;
    }

    private ObjectNode content(PrFile file) {
        byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "file");
        node.put("encoding", "base64");
        node.put("size", bytes.length);
        node.put("name", file.path().substring(file.path().lastIndexOf('/') + 1));
        node.put("path", file.path());
        node.put("content", Base64.getMimeEncoder().encodeToString(bytes));
        node.put("sha", "3d21ec53a331a6f037a91c368710b99387d012c1");
        node.put("url", url() + API + "/contents/" + file.path() + "?ref=" + headSha);
        node.put("git_url", url() + API + "/git/blobs/3d21ec53a331a6f037a91c368710b99387d012c1");
        node.put("html_url", "https://github.com/" + OWNER + "/" + REPO + "/blob/" + headSha + "/" + file.path());
        node.put("download_url", "https://raw.githubusercontent.com/" + OWNER + "/" + REPO + "/" + headSha + "/" + file.path());
        return node;
    }

    public ObjectNode reviewComment(long id, String body, String path, int line, long inReplyTo) {
        ObjectNode comment = JSON.createObjectNode();
        comment.put("url", url() + API + "/pulls/comments/" + id);
        comment.put("pull_request_review_id", 80);
        comment.put("id", id);
        comment.put("node_id", "MDI0OlB1bGxSZXF1ZXN0UmV2aWV3Q29tbWVudDEw");
        comment.put("diff_hunk", "@@ -1,3 +1,5 @@");
        comment.put("path", path);
        comment.put("commit_id", headSha);
        comment.put("original_commit_id", headSha);
        if (inReplyTo > 0) {
            comment.put("in_reply_to_id", inReplyTo);
        }
        comment.set("user", user(inReplyTo > 0 ? "octocat" : "tenet[bot]", inReplyTo > 0 ? 3 : 4));
        comment.put("body", body);
        comment.put("created_at", "2026-11-20T19:05:12Z");
        comment.put("updated_at", "2026-11-20T19:05:12Z");
        comment.put("html_url", "https://github.com/" + OWNER + "/" + REPO + "/pull/" + PR + "#discussion-diff-" + id);
        comment.put("pull_request_url", url() + API + "/pulls/" + PR);
        comment.put("author_association", "NONE");
        comment.put("line", line);
        comment.put("original_line", line);
        comment.put("side", "RIGHT");
        return comment;
    }

    public ObjectNode review(long id, String state, String body) {
        ObjectNode review = JSON.createObjectNode();
        review.put("id", id);
        review.put("node_id", "MDE3OlB1bGxSZXF1ZXN0UmV2aWV3ODA=");
        review.set("user", user("tenet[bot]", 4));
        review.put("body", body);
        review.put("state", state);
        review.put("html_url", "https://github.com/" + OWNER + "/" + REPO + "/pull/" + PR + "#pullrequestreview-" + id);
        review.put("pull_request_url", url() + API + "/pulls/" + PR);
        review.put("submitted_at", "2026-11-20T19:05:12Z");
        review.put("commit_id", headSha);
        review.put("author_association", "NONE");
        return review;
    }

    public ObjectNode issueComment(long id, String body) {
        ObjectNode comment = JSON.createObjectNode();
        comment.put("id", id);
        comment.put("node_id", "MDEyOklzc3VlQ29tbWVudDE=");
        comment.put("url", url() + API + "/issues/comments/" + id);
        comment.put("html_url", "https://github.com/" + OWNER + "/" + REPO + "/pull/" + PR + "#issuecomment-" + id);
        comment.put("body", body);
        comment.set("user", user("tenet[bot]", 4));
        comment.put("created_at", "2026-11-20T19:05:12Z");
        comment.put("updated_at", "2026-11-20T19:05:12Z");
        comment.put("issue_url", url() + API + "/issues/" + PR);
        comment.put("author_association", "NONE");
        return comment;
    }

    public ObjectNode checkRun(long id, String status, String conclusion, String externalId) {
        ObjectNode run = JSON.createObjectNode();
        run.put("id", id);
        run.put("head_sha", headSha);
        run.put("node_id", "MDg6Q2hlY2tSdW40");
        run.put("external_id", externalId == null ? "" : externalId);
        run.put("url", url() + API + "/check-runs/" + id);
        run.put("html_url", "https://github.com/" + OWNER + "/" + REPO + "/runs/" + id);
        run.put("details_url", "https://example.com");
        run.put("status", status);
        if (conclusion != null) {
            run.put("conclusion", conclusion);
        }
        run.put("started_at", "2026-11-20T19:05:12Z");
        run.put("name", "Tenet");
        ObjectNode output = run.putObject("output");
        output.put("title", "Tenet");
        output.put("summary", "");
        output.put("annotations_count", 0);
        output.put("annotations_url", url() + API + "/check-runs/" + id + "/annotations");
        return run;
    }

    private static String array(List<JsonNode> items) {
        return JSON.valueToTree(items).toString();
    }

    /** Installs a GitHub App on the repository: installation {@code id} and the token its JWT is exchanged for. */
    public void appInstallation(long id, String token) {
        server.stubFor(get(urlPathEqualTo("/app")).willReturn(okJson("""
                {"id": 1, "slug": "tenet", "node_id": "MDExOkludGVncmF0aW9uMQ==", "name": "Tenet", "description": "",
                 "external_url": "https://example.com", "html_url": "https://github.com/apps/tenet",
                 "created_at": "2026-07-08T16:18:44-04:00", "updated_at": "2026-07-08T16:18:44-04:00",
                 "permissions": {"checks": "write", "pull_requests": "write", "contents": "read"}, "events": ["pull_request"]}""")));
        server.stubFor(get(urlPathEqualTo(API + "/installation")).willReturn(okJson("""
                {"id": %d, "app_id": 1, "target_id": 2, "target_type": "Organization", "repository_selection": "selected",
                 "access_tokens_url": "%s/app/installations/%d/access_tokens", "repositories_url": "%s/installation/repositories",
                 "html_url": "https://github.com/organizations/acme/settings/installations/%d",
                 "permissions": {"checks": "write", "pull_requests": "write", "contents": "read"}, "events": ["pull_request"],
                 "created_at": "2026-07-08T16:18:44-04:00", "updated_at": "2026-07-08T16:18:44-04:00"}""".formatted(id, url(), id, url(), id))));
        server.stubFor(post(urlPathEqualTo("/app/installations/" + id + "/access_tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("""
                {"token": "%s", "expires_at": "2026-11-22T02:00:00Z",
                 "permissions": {"checks": "write", "pull_requests": "write"}, "repository_selection": "selected"}""".formatted(token))));
    }

    /** The pull request's head moves to {@code sha} (a push): the pull request and its check runs are served at that commit. */
    public void headMovedTo(String sha) {
        ObjectNode pr = (ObjectNode) readTree(pullRequest(1));
        ((ObjectNode) pr.path("head")).put("sha", sha);
        server.stubFor(get(urlPathEqualTo(API + "/pulls/" + PR)).willReturn(okJson(pr.toString())));
        ObjectNode page = JSON.createObjectNode();
        page.put("total_count", 0);
        page.putArray("check_runs");
        server.stubFor(get(urlPathEqualTo(API + "/commits/" + sha + "/check-runs")).willReturn(okJson(page.toString())));
    }

    /** GitHub answers the pull request's file list only after {@code millis} (a review that takes a while). */
    public void slowFileList(int millis) throws Exception {
        String files = server.getStubMappings().stream()
                .filter(m -> (API + "/pulls/" + PR + "/files").equals(m.getRequest().getUrlPath()))
                .findFirst().orElseThrow().getResponse().getBody();
        server.stubFor(get(urlPathEqualTo(API + "/pulls/" + PR + "/files")).willReturn(okJson(files).withFixedDelay(millis)));
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
