package dev.tenet.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenet.review.github.FakeGitHub;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** GitHub's example payloads (test resources {@code webhooks/}), pointed at the fake repository, signed as GitHub signs them and posted. */
final class Webhooks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;
    private final String secret;

    Webhooks(int port, String secret) {
        this.url = "http://127.0.0.1:" + port + "/webhooks/github";
        this.secret = secret;
    }

    /** The example {@code name} (e.g. {@code pull_request.opened}) about {@code acme/learning#7} at {@code headSha}. */
    static ObjectNode example(String name, String headSha) {
        try (InputStream in = Webhooks.class.getResourceAsStream("/webhooks/" + name + ".json")) {
            ObjectNode payload = (ObjectNode) JSON.readTree(in);
            ObjectNode repository = (ObjectNode) payload.path("repository");
            if (!repository.isMissingNode()) {
                repository.put("name", FakeGitHub.REPO);
                repository.put("full_name", FakeGitHub.OWNER + "/" + FakeGitHub.REPO);
                ((ObjectNode) repository.path("owner")).put("login", FakeGitHub.OWNER);
            }
            if (payload.has("pull_request")) {
                payload.put("number", FakeGitHub.PR);
                ObjectNode pr = (ObjectNode) payload.path("pull_request");
                pr.put("number", FakeGitHub.PR);
                ((ObjectNode) pr.path("head")).put("sha", headSha);
            }
            return payload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> post(String event, String delivery, ObjectNode payload) throws Exception {
        byte[] body = JSON.writeValueAsBytes(payload);
        return post(event, delivery, body, sign(body, secret));
    }

    HttpResponse<String> post(String event, String delivery, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").header("User-Agent", "GitHub-Hookshot/044aadd")
                .header("X-GitHub-Event", event).header("X-GitHub-Delivery", delivery).header("X-GitHub-Hook-ID", "292430182");
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the body, as GitHub (and {@code @octokit/webhooks-methods} sign()) computes it. */
    static String sign(byte[] body, String secret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
