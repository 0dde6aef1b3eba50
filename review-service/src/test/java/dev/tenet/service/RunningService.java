package dev.tenet.service;

import dev.tenet.mcp.http.HttpOptions;
import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.review.feedback.RatingStore;
import dev.tenet.review.feedback.RatingsDatabase;
import dev.tenet.review.github.FakeGitHub;
import dev.tenet.rules.cache.ScanCache;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** {@code tenet serve}'s application on a free port, as the GitHub App installed on the fake GitHub's repository. */
final class RunningService implements AutoCloseable {
    static final String SECRET = "It's a Secret to Everybody";
    final TenetServer server;
    final Webhooks webhooks;
    private final HttpClient http = HttpClient.newHttpClient();

    final RatingStore ratings;

    /** @param ratingsFolder where the precision loop's H2 ratings database is kept */
    RunningService(FakeGitHub github, Path workspace, Path ratingsFolder) throws Exception {
        this(github, workspace, ratingsFolder, Map.of());
    }

    /** @param properties further Spring properties (e.g. the Kafka queue's) */
    RunningService(FakeGitHub github, Path workspace, Path ratingsFolder, Map<String, Object> properties) throws Exception {
        GitHubAppSettings app = new GitHubAppSettings("1", privateKeyPem(), github.url(), SECRET, false, 2, 10);
        ratings = RatingStore.open(RatingsDatabase.resolve(null, Map.of(), ratingsFolder));
        server = TenetServer.start(new ServeSettings(HttpOptions.loopback(0), Workspace.of(workspace), ScanCache.none(), Optional.of(app),
                Optional.of(ratings)), properties);
        webhooks = new Webhooks(server.port(), SECRET);
    }

    static String privateKeyPem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one Prometheus sample line (e.g. {@code tenet_reviews_total{outcome="published"}}), 0 when absent. */
    double metric(String sample) {
        try {
            return get("/actuator/prometheus").body().lines().filter(line -> line.startsWith(sample + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1).strip())).findFirst().orElse(0);
        } catch (Exception e) {
            throw new AssertionError("cannot read the service's metrics", e);
        }
    }

    /** Polls until the condition holds; fails after a generous deadline (never asserts on speed). */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
