package dev.tenet.cli;

import static dev.tenet.review.github.FakeGitHub.API;
import static dev.tenet.review.github.FakeGitHub.PR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.tenet.review.github.FakeGitHub;
import dev.tenet.review.llm.FakeModel;
import dev.tenet.review.llm.LlmFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet review} with the LLM pass configured in {@code .tenet/config.yml}, against a local Ollama stand-in. */
class ReviewLlmTests {
    static final String RETRY_RULE = "resilience.retry-backoff-jitter";

    @TempDir
    Path dir;

    private final FakeModel model = new FakeModel(FakeModel.Api.OLLAMA);

    @AfterEach
    void stop() {
        model.close();
    }

    private String config() {
        return "llm:\n  provider: ollama\n  model: test-model\n  baseUrl: " + model.baseUrl() + "\n  tokenBudget: 20000\n";
    }

    @Test
    void aLocalReviewShowsTheModelsFindingLabelledAndWhatThePassSpent() throws Exception {
        model.answers(FakeModel.findings(RETRY_RULE, LlmFixture.RETRY_LOOP, "Retries at once, with no backoff or jitter.",
                "made.up-rule", LlmFixture.RETRY_LOOP, "Invented."), 1_500, 80);
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write(".tenet/config.yml", config()).write("README.md", "# Learning\n").commitAll("one");
            repo.write(LlmFixture.CACHE, LlmFixture.CACHE_SOURCE).commitAll("two");

            Cli.Result review = Cli.run("review", dir.toString(), "--base", "HEAD~1", "--head", "HEAD", "--no-cache", "--color", "never");

            // The model's finding shows at info (llm.maxSeverity), so it does not fail the default --fail-on warning.
            assertThat(review.exitCode()).as(review.err()).isZero();
            assertThat(review.out())
                    .contains(LlmFixture.CACHE + ":" + LlmFixture.RETRY_LOOP + ": info: Retries at once, with no backoff or jitter. ["
                            + RETRY_RULE + "] (LLM)\n")
                    .contains(LlmFixture.CACHE + ":" + LlmFixture.REDIS_WRITE + ":")
                    .contains("note: LLM review pass (ollama test-model): 1 of 1 hunk(s) reviewed, 1 finding(s) kept; "
                            + "1,580 of 20,000 tokens spent (1,500 in, 80 out).\n")
                    .contains("note: LLM answers dropped: 1 unknown rule id.\n")
                    .contains("note: 1 secret(s) redacted before anything was sent.\n")
                    .doesNotContain("made.up-rule");
            assertThat(model.userText(model.requests().get(0))).doesNotContain("hunter2-very-secret");
            assertThat(review.out().lines().filter(line -> line.contains("[caching.redis-write-without-ttl]"))).singleElement()
                    .asString().doesNotContain("(LLM)");
        }
    }

    @Test
    void withoutAnLlmSectionTheLocalReviewDoesNotCallAModel() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write("README.md", "# Learning\n").commitAll("one");
            repo.write(LlmFixture.CACHE, LlmFixture.CACHE_SOURCE).commitAll("two");

            Cli.Result review = Cli.run("review", dir.toString(), "--base", "HEAD~1", "--head", "HEAD", "--no-cache", "--format", "json");

            assertThat(review.exitCode()).as(review.out() + review.err()).isZero();
            assertThat(review.out()).contains("caching.redis-write-without-ttl").doesNotContain("LLM").doesNotContain("\"origin\"");
            assertThat(model.server.getAllServeEvents()).isEmpty();
        }
    }

    @Test
    void aBadLlmSectionIsAConfigErrorNamingFileAndLine() throws Exception {
        try (GitRepo repo = GitRepo.init(dir)) {
            repo.write(".tenet/config.yml", "llm:\n  provider: bard\n  model: x\n").write("README.md", "# Learning\n").commitAll("one");
            repo.write(LlmFixture.CACHE, LlmFixture.CACHE_SOURCE).commitAll("two");

            Cli.Result review = Cli.run("review", dir.toString(), "--base", "HEAD~1", "--head", "HEAD", "--no-cache");

            assertThat(review.exitCode()).isEqualTo(2);
            assertThat(review.err()).contains(".tenet/config.yml:2: unknown llm provider 'bard' (expected openai, anthropic or ollama)")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aPublishedReviewLabelsTheModelsCommentAndReportsTheSpendInTheSummary() throws Exception {
        model.answers(FakeModel.findings(RETRY_RULE, LlmFixture.RETRY_LOOP, "Retries at once, with no backoff or jitter."), 1_500, 80);
        try (FakeGitHub github = new FakeGitHub()) {
            github.repositoryFile(".tenet/config.yml", config());
            github.files(List.of(ReviewGitHubTests.added(LlmFixture.CACHE, LlmFixture.CACHE_SOURCE)));
            Path token = dir.resolve("token");
            Files.writeString(token, "ghp_16C7e42F292c6912E7710c838347Ae178B4a\n");

            Cli.Result result = Cli.run("review", dir.resolve("no-checkout").toString(), "--publish", "github", "--repo", "acme/learning",
                    "--pr", String.valueOf(PR), "--github-url", github.url(), "--token-file", token.toString(), "--no-cache",
                    "--github-retry-delay", "1", "--format", "json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode review = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/pulls/" + PR + "/reviews").get(0));
            List<String> bodies = review.path("comments").findValuesAsText("body");
            assertThat(bodies).filteredOn(body -> body.contains(RETRY_RULE)).singleElement().asString()
                    .startsWith("\u2139\uFE0F **info** \uD83E\uDD16 **LLM finding** `" + RETRY_RULE
                            + "`: Retries at once, with no backoff or jitter.")
                    .containsPattern("<!-- tenet:fingerprint=[0-9a-f]{24} -->");
            assertThat(bodies).filteredOn(body -> body.contains("caching.redis-write-without-ttl")).singleElement().asString()
                    .doesNotContain("LLM finding");
            assertThat(model.userText(model.requests().get(0)))
                    .contains("<tenet-data kind=\"pull-request\">\nRecord training progress\n\nPlease pull these awesome changes in!\n</tenet-data>");
            String summary = FakeGitHub.body(github.requests(RequestMethod.POST, API + "/issues/" + PR + "/comments").get(0))
                    .path("body").asText();
            assertThat(summary).contains("### LLM review pass")
                    .contains("1 of the new findings come from the model")
                    .contains("- LLM review pass (ollama test-model): 1 of 1 hunk(s) reviewed, 1 finding(s) kept; "
                            + "1,580 of 20,000 tokens spent (1,500 in, 80 out).");
        }
    }
}
