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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
    private final List<String> openApiViolations = new ArrayList<>();
    private final java.util.Set<java.util.UUID> checked = new java.util.HashSet<>();

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
        server.stubFor(get(urlPathEqualTo("/user")).willReturn(okJson(publicUser("octo-reviewer", 1).toString())));
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
        refuseCommentsOverGitHubsSizeLimit();
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
        checkJournalAgainstOpenApi();
        server.resetRequests();
    }

    /** Stops the server; fails when a request Tenet sent or a response served did not match GitHub's OpenAPI description. */
    @Override
    public void close() {
        checkJournalAgainstOpenApi();
        server.stop();
        if (!openApiViolations.isEmpty()) {
            throw new AssertionError("Not as GitHub's OpenAPI description says:\n  " + String.join("\n  ", openApiViolations));
        }
    }

    // Payloads, shaped as in GitHub's REST reference (fields a client reads; URLs point at this server).

    public ObjectNode user(String login, long id) {
        ObjectNode user = JSON.createObjectNode();
        user.put("login", login);
        user.put("id", id);
        user.put("node_id", "MDQ6VXNlcjE=");
        user.put("avatar_url", "https://github.com/images/error/octocat_happy.gif");
        user.put("gravatar_id", "");
        String path = login.replace("[", "%5B").replace("]", "%5D");
        user.put("url", url() + "/users/" + path);
        user.put("html_url", "https://github.com/" + path);
        for (String link : List.of("followers", "following", "gists", "starred", "subscriptions", "organizations", "repos", "events", "received_events")) {
            user.put(link + "_url", url() + "/users/" + path + "/" + link);
        }
        user.put("type", login.endsWith("[bot]") ? "Bot" : "User");
        user.put("site_admin", false);
        return user;
    }

    public String repository() {
        return repositoryNode().toString();
    }

    private ObjectNode repositoryNode() {
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
        for (String link : List.of("archive", "assignees", "blobs", "branches", "clone", "collaborators", "comments", "commits", "compare",
                "contents", "contributors", "deployments", "downloads", "events", "forks", "git_commits", "git_refs", "git_tags", "git",
                "hooks", "issue_comment", "issue_events", "issues", "keys", "labels", "languages", "merges", "milestones", "notifications",
                "pulls", "releases", "ssh", "stargazers", "statuses", "subscribers", "subscription", "svn", "tags", "teams", "trees")) {
            repo.put(link + "_url", url() + API + "/" + link);
        }
        repo.putNull("mirror_url");
        repo.putNull("description");
        repo.putNull("homepage");
        repo.putNull("language");
        repo.putNull("license");
        for (String flag : List.of("archived", "disabled", "fork", "has_discussions", "has_pages")) {
            repo.put(flag, false);
        }
        for (String flag : List.of("has_downloads", "has_issues", "has_projects", "has_wiki")) {
            repo.put(flag, true);
        }
        for (String count : List.of("forks", "forks_count", "network_count", "open_issues", "open_issues_count", "size", "stargazers_count",
                "subscribers_count", "watchers", "watchers_count")) {
            repo.put(count, 0);
        }
        repo.put("created_at", "2026-01-26T19:01:12Z");
        repo.put("updated_at", "2026-11-20T19:14:43Z");
        repo.put("pushed_at", "2026-11-20T19:06:43Z");
        return repo;
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
        String api = url() + API;
        pr.put("diff_url", "https://github.com/" + OWNER + "/" + REPO + "/pull/" + PR + ".diff");
        pr.put("patch_url", "https://github.com/" + OWNER + "/" + REPO + "/pull/" + PR + ".patch");
        pr.put("issue_url", api + "/issues/" + PR);
        pr.put("commits_url", api + "/pulls/" + PR + "/commits");
        pr.put("review_comments_url", api + "/pulls/" + PR + "/comments");
        pr.put("review_comment_url", api + "/pulls/comments{/number}");
        pr.put("comments_url", api + "/issues/" + PR + "/comments");
        pr.put("statuses_url", api + "/statuses/" + headSha);
        for (String absent : List.of("closed_at", "merged_at", "merge_commit_sha", "assignee", "milestone", "merged_by", "auto_merge")) {
            pr.putNull(absent);
        }
        pr.putArray("labels");
        pr.put("mergeable_state", "clean");
        pr.put("maintainer_can_modify", false);
        ObjectNode links = pr.putObject("_links");
        links.putObject("self").put("href", api + "/pulls/" + PR);
        links.putObject("html").put("href", "https://github.com/" + OWNER + "/" + REPO + "/pull/" + PR);
        links.putObject("issue").put("href", api + "/issues/" + PR);
        links.putObject("comments").put("href", api + "/issues/" + PR + "/comments");
        links.putObject("review_comments").put("href", api + "/pulls/" + PR + "/comments");
        links.putObject("review_comment").put("href", api + "/pulls/comments{/number}");
        links.putObject("commits").put("href", api + "/pulls/" + PR + "/commits");
        links.putObject("statuses").put("href", api + "/statuses/" + headSha);
        return pr.toString();
    }

    private ObjectNode ref(String branch, String sha) {
        ObjectNode ref = JSON.createObjectNode();
        ref.put("label", OWNER + ":" + branch);
        ref.put("ref", branch);
        ref.put("sha", sha);
        ref.set("user", user(OWNER, 2));
        ref.set("repo", repositoryNode());
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
        ObjectNode links = node.putObject("_links");
        links.put("self", node.path("url").asText());
        links.put("git", node.path("git_url").asText());
        links.put("html", node.path("html_url").asText());
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
        ObjectNode links = comment.putObject("_links");
        links.putObject("self").put("href", comment.path("url").asText());
        links.putObject("html").put("href", comment.path("html_url").asText());
        links.putObject("pull_request").put("href", comment.path("pull_request_url").asText());
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
        ObjectNode links = review.putObject("_links");
        links.putObject("html").put("href", review.path("html_url").asText());
        links.putObject("pull_request").put("href", review.path("pull_request_url").asText());
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
        run.put("conclusion", conclusion);
        run.put("started_at", "2026-11-20T19:05:12Z");
        if ("completed".equals(status)) {
            run.put("completed_at", "2026-11-20T19:05:14Z");
        } else {
            run.putNull("completed_at");
        }
        run.putObject("check_suite").put("id", 5);
        run.putNull("app");
        run.putArray("pull_requests");
        run.put("name", "Tenet");
        ObjectNode output = run.putObject("output");
        output.put("title", "Tenet");
        output.put("summary", "");
        output.putNull("text");
        output.put("annotations_count", 0);
        output.put("annotations_url", url() + API + "/check-runs/" + id + "/annotations");
        return run;
    }

    private static String array(List<JsonNode> items) {
        return JSON.valueToTree(items).toString();
    }

    // The precision loop: reactions on review comments, and a review comment read by id.

    /** A reaction as GitHub's reactions endpoint lists it. */
    public ObjectNode reaction(long id, String login, long userId, String content, String createdAt) {
        ObjectNode reaction = JSON.createObjectNode();
        reaction.put("id", id);
        reaction.put("node_id", "MDg6UmVhY3Rpb24x");
        reaction.set("user", user(login, userId));
        reaction.put("content", content);
        reaction.put("created_at", createdAt);
        return reaction;
    }

    /** Serves a review comment's reactions ({@code GET /pulls/comments/{id}/reactions}). */
    public void reactions(long commentId, List<JsonNode> reactions) {
        server.stubFor(get(urlPathEqualTo(API + "/pulls/comments/" + commentId + "/reactions")).willReturn(okJson(array(reactions))));
    }

    /** Adds the {@code reactions} rollup GitHub puts on a review comment, counted from these reactions. */
    public ObjectNode withReactionRollup(ObjectNode comment, List<JsonNode> reactions) {
        ObjectNode rollup = comment.putObject("reactions");
        rollup.put("url", url() + API + "/pulls/comments/" + comment.path("id").asLong() + "/reactions");
        rollup.put("total_count", reactions.size());
        for (String content : List.of("+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes")) {
            rollup.put(content, (int) reactions.stream().filter(r -> r.path("content").asText().equals(content)).count());
        }
        return comment;
    }

    /** Serves one review comment by id ({@code GET /repos/{repository}/pulls/comments/{id}}), of any repository. */
    public void reviewCommentById(String repository, JsonNode comment) {
        server.stubFor(get(urlPathEqualTo("/repos/" + repository + "/pulls/comments/" + comment.path("id").asLong()))
                .willReturn(okJson(comment.toString())));
    }

    /**
     * Each request body received and each 2xx JSON body served so far, checked against the operation in
     * GitHub's OpenAPI description: one line per problem, naming the operation, the JSON path and what is wrong.
     */
    public List<String> openApiViolations() {
        checkJournalAgainstOpenApi();
        return List.copyOf(openApiViolations);
    }

    private void checkJournalAgainstOpenApi() {
        for (com.github.tomakehurst.wiremock.stubbing.ServeEvent event : server.getAllServeEvents()) {
            if (checked.add(event.getId())) {
                openApiViolations.addAll(GitHubOpenApi.github().problems(event));
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The authenticated user as {@code GET /user} answers (a public user profile). */
    public ObjectNode publicUser(String login, long id) {
        ObjectNode user = user(login, id);
        for (String absent : List.of("name", "company", "blog", "location", "email", "hireable", "bio")) {
            user.putNull(absent);
        }
        for (String count : List.of("public_repos", "public_gists", "followers", "following")) {
            user.put(count, 0);
        }
        user.put("created_at", "2026-01-25T18:44:36Z");
        user.put("updated_at", "2026-01-25T18:44:36Z");
        return user;
    }

    /** The token a GitHub App's installation gets from {@link #githubApp()}. */
    public static final String INSTALLATION_TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";

    /** GitHub answers as for a GitHub App (id 1) installed on the repository (installation 42), granting {@link #INSTALLATION_TOKEN}. */
    public void githubApp() {
        ObjectNode app = JSON.createObjectNode();
        app.put("id", 1);
        app.put("slug", "tenet");
        app.put("node_id", "MDExOkludGVncmF0aW9uMQ==");
        app.set("owner", user(OWNER, 2));
        app.put("name", "Tenet");
        app.put("description", "");
        app.put("external_url", "https://example.com");
        app.put("html_url", "https://github.com/apps/tenet");
        app.put("created_at", "2026-07-08T16:18:44-04:00");
        app.put("updated_at", "2026-07-08T16:18:44-04:00");
        ObjectNode permissions = JSON.createObjectNode().put("checks", "write").put("pull_requests", "write").put("contents", "read")
                .put("statuses", "write");
        app.set("permissions", permissions);
        app.putArray("events").add("pull_request");
        server.stubFor(get(urlPathEqualTo("/app")).willReturn(okJson(app.toString())));

        ObjectNode installation = JSON.createObjectNode();
        installation.put("id", 42);
        installation.put("app_id", 1);
        installation.put("app_slug", "tenet");
        installation.put("target_id", 2);
        installation.put("target_type", "Organization");
        installation.putNull("single_file_name");
        installation.put("repository_selection", "selected");
        installation.put("access_tokens_url", url() + "/app/installations/42/access_tokens");
        installation.put("repositories_url", url() + "/installation/repositories");
        installation.put("html_url", "https://github.com/organizations/" + OWNER + "/settings/installations/42");
        installation.putArray("events").add("pull_request");
        installation.set("account", user(OWNER, 2));
        installation.set("permissions", permissions);
        installation.put("created_at", "2026-07-08T16:18:44-04:00");
        installation.put("updated_at", "2026-07-08T16:18:44-04:00");
        installation.putNull("suspended_by");
        installation.putNull("suspended_at");
        server.stubFor(get(urlPathEqualTo(API + "/installation")).willReturn(okJson(installation.toString())));

        ObjectNode token = JSON.createObjectNode();
        token.put("token", INSTALLATION_TOKEN);
        token.put("expires_at", "2026-11-22T02:00:00Z");
        token.set("permissions", JSON.createObjectNode().put("checks", "write").put("pull_requests", "write"));
        token.put("repository_selection", "selected");
        server.stubFor(post(urlPathEqualTo("/app/installations/42/access_tokens")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(token.toString())));
    }

    /** GitHub's 422 for an issue comment body over 65,536 characters. */
    private void refuseCommentsOverGitHubsSizeLimit() {
        var tooLong = com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.body",
                com.github.tomakehurst.wiremock.client.WireMock.matching("(?s).{65537,}"));
        String answer = """
                {"message": "Validation Failed", "errors": [{"resource": "IssueComment", "code": "custom", "field": "body",
                 "message": "body is too long (maximum is 65536 characters)"}],
                 "documentation_url": "https://docs.github.com/rest/issues/comments#create-an-issue-comment", "status": "422"}""";
        server.stubFor(post(urlPathEqualTo(API + "/issues/" + PR + "/comments")).atPriority(1).withRequestBody(tooLong)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody(answer)));
        server.stubFor(patch(urlPathEqualTo(API + "/issues/comments/1001")).atPriority(1).withRequestBody(tooLong)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody(answer)));
    }

    /**
     * GitHub refuses (422, without saying which) any review with an inline comment on {@code path} at {@code line}, as it does
     * for a line outside the diff it sees; pending reviews (no {@code event}) are accepted as review 81 and can be deleted.
     */
    public void refuseInlineCommentsOn(String path, int line) {
        server.stubFor(post(urlPathEqualTo(API + "/pulls/" + PR + "/reviews")).atPriority(1)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$.comments[?(@.path == '" + path + "' && @.line == " + line + ")]"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody("""
                        {"message": "Unprocessable Entity", "errors": ["Line could not be resolved"],
                         "documentation_url": "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request", "status": "422"}""")));
        server.stubFor(post(urlPathEqualTo(API + "/pulls/" + PR + "/reviews")).atPriority(3)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("\"event\":"))
                .willReturn(okJson(review(81, "PENDING", "").toString())));
        server.stubFor(delete(urlPathEqualTo(API + "/pulls/" + PR + "/reviews/81")).willReturn(okJson(review(81, "PENDING", "").toString())));
    }

    /** GitHub's answer to a classic personal access token creating a check run (403), and a commit status accepted instead. */
    public void checkRunsRefusedToPersonalAccessToken() {
        server.stubFor(post(urlPathEqualTo(API + "/check-runs")).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"message": "Resource not accessible by personal access token",
                         "documentation_url": "https://docs.github.com/rest/checks/runs#create-a-check-run", "status": "403"}""")));
        ObjectNode status = JSON.createObjectNode();
        status.put("url", url() + API + "/statuses/" + headSha);
        status.put("avatar_url", "https://github.com/images/error/hubot_happy.gif");
        status.put("id", 1);
        status.put("node_id", "MDY6U3RhdHVzMQ==");
        status.put("state", "failure");
        status.put("description", "Tenet");
        status.put("target_url", "https://github.com/" + OWNER + "/" + REPO + "/pull/" + PR);
        status.put("context", "Tenet");
        status.put("created_at", "2026-11-20T19:05:12Z");
        status.put("updated_at", "2026-11-20T19:05:12Z");
        status.set("creator", user("octo-reviewer", 1));
        server.stubFor(post(urlPathEqualTo(API + "/statuses/" + headSha)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(status.toString())));
    }

    /** The token may not set commit statuses either (403). */
    public void commitStatusesRefused() {
        server.stubFor(post(urlPathEqualTo(API + "/statuses/" + headSha)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"message": "Resource not accessible by personal access token",
                         "documentation_url": "https://docs.github.com/rest/commits/statuses#create-a-commit-status", "status": "403"}""")));
    }

    /** A push moves the pull request's head to {@code movedTo} while Tenet reads the changed files. */
    public void headMovesWhileFilesAreRead(String movedTo) {
        String files = API + "/pulls/" + PR + "/files";
        var listed = server.getStubMappings().stream().filter(m -> files.equals(m.getRequest().getUrlPath())).findFirst().orElseThrow();
        String original = server.getStubMappings().stream().filter(m -> (API + "/pulls/" + PR).equals(m.getRequest().getUrlPath()))
                .findFirst().orElseThrow().getResponse().getBody();
        ObjectNode moved = (ObjectNode) parse(original);
        ((ObjectNode) moved.path("head")).put("sha", movedTo);
        server.stubFor(get(urlPathEqualTo(files)).inScenario("push").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(listed.getResponse().getBody())).willSetStateTo("moved"));
        server.stubFor(get(urlPathEqualTo(API + "/pulls/" + PR)).inScenario("push").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(original)));
        server.stubFor(get(urlPathEqualTo(API + "/pulls/" + PR)).inScenario("push").whenScenarioStateIs("moved")
                .willReturn(okJson(moved.toString())));
    }

    /** The pull request's head moves to {@code sha} (a push): the pull request and its check runs are served at that commit. */
    public void headMovedTo(String sha) {
        ObjectNode pr = (ObjectNode) parse(pullRequest(1));
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
}
