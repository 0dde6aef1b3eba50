package dev.tenet.review.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retrier against GitHub's documented rate-limit answers, through github-api and the raw connection alike. */
class RetrierRateLimitTests {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final String SECONDARY = "{\"message\": \"You have exceeded a secondary rate limit. Please wait a few minutes before you "
            + "try again.\", \"documentation_url\": \"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\", \"status\": \"403\"}";

    private final List<Duration> slept = new ArrayList<>();
    private FakeGitHub github;

    @BeforeEach
    void start() {
        github = new FakeGitHub();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private Retrier retrier(Duration maxWait) {
        return new Retrier(4, Duration.ofMillis(1), maxWait, slept::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private GitHubConnection connect(Retrier retrier) throws Exception {
        return GitHubConnection.open(github.url(), new GitHubAuth.Token("ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
                PullRequestRef.resolve("acme/learning", FakeGitHub.PR, java.util.Map.of()), retrier);
    }

    /** The repository is refused once with {@code limited}, then served. */
    private void limitedOnce(ResponseDefinitionBuilder limited) {
        github.server.stubFor(get(urlPathEqualTo(FakeGitHub.API)).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(limited.withHeader("Content-Type", "application/json")).willSetStateTo("over"));
        github.server.stubFor(get(urlPathEqualTo(FakeGitHub.API)).inScenario("limit").whenScenarioStateIs("over")
                .willReturn(okJson(github.repository())));
    }

    private static ResponseDefinitionBuilder primaryLimit(Instant reset) {
        return aResponse().withStatus(403).withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", String.valueOf(reset.getEpochSecond())).withHeader("X-RateLimit-Resource", "core")
                .withBody("{\"message\": \"API rate limit exceeded for user ID 1.\", \"status\": \"403\"}");
    }

    @Test
    void anExhaustedPrimaryLimitIsWaitedOutUntilItsResetTime() throws Exception {
        limitedOnce(primaryLimit(NOW.plusSeconds(90)));
        Retrier retrier = retrier(Duration.ofMinutes(10));
        GitHubConnection connection = connect(retrier);

        assertThat(retrier.call(() -> connection.github().getRepository("acme/learning")).getFullName()).isEqualTo("acme/learning");
        assertThat(slept).containsExactly(Duration.ofSeconds(91));
    }

    @Test
    void retryAfterIsHonouredBeyondAMinute() throws Exception {
        limitedOnce(aResponse().withStatus(429).withHeader("Retry-After", "150").withBody(SECONDARY));
        Retrier retrier = retrier(Duration.ofMinutes(10));
        GitHubConnection connection = connect(retrier);

        assertThat(retrier.call(() -> connection.send("GET", FakeGitHub.API, null)).path("full_name").asText()).isEqualTo("acme/learning");
        assertThat(slept).containsExactly(Duration.ofSeconds(150));
    }

    @Test
    void aSecondaryLimitWithoutRetryAfterWaitsAMinute() throws Exception {
        limitedOnce(aResponse().withStatus(403).withBody(SECONDARY));
        Retrier retrier = retrier(Duration.ofMinutes(10));
        GitHubConnection connection = connect(retrier);

        assertThat(retrier.call(() -> connection.github().getRepository("acme/learning")).getFullName()).isEqualTo("acme/learning");
        assertThat(slept).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void aWaitLongerThanAllowedThrowsAtOnceWithTheTimeGitHubAnswersAgain() throws Exception {
        limitedOnce(primaryLimit(NOW.plusSeconds(3599)));
        Retrier retrier = retrier(Duration.ofMinutes(10));
        GitHubConnection connection = connect(retrier);

        assertThatThrownBy(() -> retrier.call(() -> connection.github().getRepository("acme/learning")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAt()).isEqualTo(NOW.plusSeconds(3600)))
                .hasMessage("GitHub's primary rate limit asks to wait until 2026-12-03T13:00:00Z (3600 s), longer than the 600 s allowed");
        assertThat(slept).isEmpty();
        assertThat(github.requests(RequestMethod.GET, FakeGitHub.API)).hasSize(1);
    }

    @Test
    void waitsAddUpAgainstTheAllowedMaximum() throws Exception {
        github.server.stubFor(get(urlPathEqualTo(FakeGitHub.API)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "40")
                .withHeader("Content-Type", "application/json").withBody(SECONDARY)));
        Retrier retrier = retrier(Duration.ofSeconds(100));
        GitHubConnection connection = connect(retrier);

        assertThatThrownBy(() -> retrier.call(() -> connection.send("GET", FakeGitHub.API, null)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAt()).isEqualTo(NOW.plusSeconds(40)))
                .hasMessageContaining("secondary rate limit");
        assertThat(slept).containsExactly(Duration.ofSeconds(40), Duration.ofSeconds(40));
    }

    @Test
    void aForbiddenCallThatIsNoRateLimitIsNotRetried() throws Exception {
        github.server.stubFor(get(urlPathEqualTo(FakeGitHub.API)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Resource not accessible by personal access token\"}")));
        Retrier retrier = retrier(Duration.ofMinutes(10));
        GitHubConnection connection = connect(retrier);

        assertThatThrownBy(() -> retrier.call(() -> connection.send("GET", FakeGitHub.API, null)))
                .isInstanceOf(org.kohsuke.github.HttpException.class).isNotInstanceOf(RateLimitedException.class);
        assertThat(slept).isEmpty();
    }
}
