package dev.tenet.review.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.rules.TenetInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.github.GHAppInstallation;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

/**
 * An authenticated github-api client for one API base URL (github.com or GitHub Enterprise), plus
 * raw JSON requests through the same connector for the few fields github-api does not send.
 */
public final class GitHubConnection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHub github;
    private final GitHubConnector connector;
    private final String apiUrl;
    private final String authorization;

    private GitHubConnection(GitHub github, GitHubConnector connector, String apiUrl, String authorization) {
        this.github = github;
        this.connector = connector;
        this.apiUrl = apiUrl;
        this.authorization = authorization;
    }

    /**
     * Connects with a token, or with a GitHub App by exchanging its JWT for an installation token on {@code ref}'s repository.
     *
     * @throws TenetInputException when the URL is malformed
     */
    public static GitHubConnection open(String apiUrl, GitHubAuth auth, PullRequestRef ref, Retrier retrier) throws IOException {
        String base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        try {
            URI.create(base).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw new TenetInputException("--github-url '" + apiUrl + "' is not a URL");
        }
        GitHubConnector connector = new HttpClientGitHubConnector();
        String token = auth instanceof GitHubAuth.App app
                ? installationToken(base, connector, app, ref, retrier)
                : ((GitHubAuth.Token) auth).token();
        GitHub github = builder(base, connector).withOAuthToken(token).build();
        return new GitHubConnection(github, connector, base, "token " + token);
    }

    private static String installationToken(String base, GitHubConnector connector, GitHubAuth.App app, PullRequestRef ref,
                                            Retrier retrier) throws IOException {
        GitHub asApp = builder(base, connector).withJwtToken(AppJwt.sign(app.appId(), app.privateKeyPem(), Instant.now())).build();
        GHAppInstallation installation = retrier.call(() -> asApp.getApp().getInstallationByRepository(ref.owner(), ref.name()));
        return retrier.call(() -> installation.createToken().create()).getToken();
    }

    private static GitHubBuilder builder(String base, GitHubConnector connector) {
        return new GitHubBuilder().withEndpoint(base).withConnector(connector)
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL).withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL);
    }

    public GitHub github() {
        return github;
    }

    /**
     * Sends one JSON request and returns the parsed response.
     *
     * @param path path under the API base URL, e.g. {@code /repos/o/r/pulls/1/reviews}
     * @throws HttpException with the status and headers when GitHub answers 4xx or 5xx
     */
    public JsonNode send(String method, String path, Object body) throws IOException {
        byte[] payload = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        URL url = URI.create(apiUrl + path).toURL();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Authorization", List.of(authorization));
        headers.put("Accept", List.of("application/vnd.github+json"));
        headers.put("Content-Type", List.of("application/json"));
        GitHubConnectorRequest request = new GitHubConnectorRequest() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public Map<String, List<String>> allHeaders() {
                return headers;
            }

            @Override
            public String header(String name) {
                List<String> values = headers.get(name);
                return values == null ? null : values.get(0);
            }

            @Override
            public String contentType() {
                return "application/json";
            }

            @Override
            public InputStream body() {
                return new ByteArrayInputStream(payload);
            }

            @Override
            public URL url() {
                return url;
            }

            @Override
            public boolean hasBody() {
                return body != null;
            }
        };
        try (GitHubConnectorResponse response = connector.send(request)) {
            if (response.statusCode() >= 400) {
                throw new HttpException(response);
            }
            try (InputStream in = response.bodyStream()) {
                byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
                return bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
            }
        }
    }
}
