package dev.tenet.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.mcp.http.HttpOptions;
import dev.tenet.mcp.http.McpHttpServer;
import dev.tenet.mcp.schema.SchemaValidator;
import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.rules.cache.ScanCache;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet serve}'s Streamable HTTP endpoint, over real HTTP on loopback, with the SDK's client and raw requests. */
class HttpServerTests {
    private static final String TOKEN = "s3cret-token-for-tests-0123456789";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    @TempDir
    static Path temp;
    static McpHttpServer open;
    static McpHttpServer guarded;

    @BeforeAll
    static void start() throws Exception {
        Workspace workspace = Workspace.of(Fixtures.workspace(Files.createDirectories(temp.resolve("ws"))));
        open = McpHttpServer.start(HttpOptions.loopback(0), workspace, ScanCache.none());
        guarded = McpHttpServer.start(new HttpOptions("127.0.0.1", 0, Optional.of(TOKEN), List.of(), List.of()), workspace, ScanCache.none());
    }

    @AfterAll
    static void stop() throws Exception {
        open.close();
        guarded.close();
    }

    @Test
    void theSdkClientUsesEveryKindOfFeatureOverStreamableHttp() {
        try (McpSyncClient client = client(open.port(), HttpRequest.newBuilder())) {
            McpSchema.CallToolResult check = client.callTool(new McpSchema.CallToolRequest("check_code", Map.of("path", Fixtures.DOMAIN_FILE)));
            McpSchema.ReadResourceResult rule = client.readResource(new McpSchema.ReadResourceRequest("tenet://rules/pipeline.outbox-dual-write"));
            McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("explain-rule", Map.of("id", "pipeline.outbox-dual-write")));

            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("search_rules", "check_code");
            assertThat(StdioToolsTests.list(StdioToolsTests.structured(check).get("findings")))
                    .extracting(f -> f.get("ruleId")).containsExactly("layering.domain-no-framework");
            assertThat(((McpSchema.TextResourceContents) rule.contents().get(0)).text()).contains("## How to fix");
            assertThat(prompt.messages()).hasSize(1);
        }
    }

    @Test
    void aForeignHostHeaderIsRefusedAgainstDnsRebinding() throws Exception {
        assertThat(post(open.port(), "evil.example:" + open.port(), null, null)).startsWith("HTTP/1.1 421");
        assertThat(post(open.port(), "127.0.0.1:" + open.port(), null, null)).startsWith("HTTP/1.1 200");
    }

    @Test
    void aForeignBrowserOriginIsRefused() throws Exception {
        assertThat(post(open.port(), "localhost:" + open.port(), "http://evil.example", null)).startsWith("HTTP/1.1 403");
        assertThat(post(open.port(), "localhost:" + open.port(), "http://localhost:" + open.port(), null)).startsWith("HTTP/1.1 200");
    }

    @Test
    void withATokenEveryRequestMustCarryIt() throws Exception {
        String missing = post(guarded.port(), "127.0.0.1:" + guarded.port(), null, null);
        String wrong = post(guarded.port(), "127.0.0.1:" + guarded.port(), null, "Bearer not-the-token");

        assertThat(missing).startsWith("HTTP/1.1 401").containsIgnoringCase("WWW-Authenticate: Bearer");
        assertThat(wrong).startsWith("HTTP/1.1 401");
        try (McpSyncClient client = client(guarded.port(), HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN))) {
            assertThat(client.listTools().tools()).isNotEmpty();
        }
    }

    @Test
    void everyErrorStatusCarriesAJsonRpcErrorAndNoJavaException() throws Exception {
        String mcp = "http://127.0.0.1:" + open.port() + McpHttpServer.PATH;
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("body that is not JSON", send(HttpRequest.newBuilder(URI.create(mcp)).POST(BodyPublishers.ofString("not json"))));
        answers.put("no session", send(HttpRequest.newBuilder(URI.create(mcp)).POST(BodyPublishers.ofString(TOOLS_LIST))));
        answers.put("unknown session", send(HttpRequest.newBuilder(URI.create(mcp)).header("Mcp-Session-Id", "no-such-session")
                .POST(BodyPublishers.ofString(TOOLS_LIST))));
        answers.put("wrong method", send(HttpRequest.newBuilder(URI.create(mcp)).PUT(BodyPublishers.ofString(TOOLS_LIST))));
        answers.put("wrong path", send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + open.port() + "/other")).GET()));
        answers.put("no token", send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + guarded.port() + McpHttpServer.PATH))
                .POST(BodyPublishers.ofString(INITIALIZE))));

        for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
            String what = answer.getKey();
            HttpResponse<String> response = answer.getValue();
            assertThat(response.statusCode()).as(what).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode body = Json.MAPPER.readTree(response.body());
            assertThat(body.get("jsonrpc").asText()).as(what).isEqualTo("2.0");
            assertThat(body.get("id").isNull()).as(what).isTrue();
            assertThat(body.get("error").get("code").isInt()).as(what).isTrue();
            assertThat(body.get("error").get("message").asText()).as(what).isNotBlank().doesNotContain("\n");
            assertThat(response.body()).as(what).doesNotContain("stackTrace", "className", "Exception");
        }
        assertThat(answers.get("body that is not JSON").statusCode()).isEqualTo(400);
        assertThat(answers.get("unknown session").statusCode()).isEqualTo(404);
        assertThat(answers.get("wrong method").statusCode()).isEqualTo(405);
        assertThat(answers.get("wrong path").statusCode()).isEqualTo(404);
        assertThat(answers.get("wrong path").body()).contains("the MCP endpoint is /mcp");
        assertThat(answers.get("no token").statusCode()).isEqualTo(401);
    }

    @Test
    void aRequestJettyCannotParseGetsAJsonRpcErrorToo() throws Exception {
        String response = raw(open.port(), "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + open.port() + "\r\nContent-Length: abc\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json")
                .endsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"HTTP 400: Invalid Content-Length Value\"}}")
                .doesNotContain("<html");
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefused() {
        assertThatThrownBy(() -> new HttpOptions("0.0.0.0", 0, Optional.empty(), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("set a bearer token");
    }

    private static McpSyncClient client(int port, HttpRequest.Builder requests) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                .endpoint(McpHttpServer.PATH).jsonMapper(Json.MCP).requestBuilder(requests).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .jsonSchemaValidator(new SchemaValidator()).build();
        client.initialize();
        return client;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString());
    }

    /** Sends {@code request} as it is and returns the whole response. */
    private static String raw(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A raw HTTP/1.1 initialize POST (java.net.http does not let a caller set Host); returns the status line and headers. */
    private static String post(int port, String host, String origin, String authorization) throws Exception {
        byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\n"
                + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n");
        if (origin != null) {
            request.append("Origin: ").append(origin).append("\r\n");
        }
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }
}
