package dev.tenet.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stdio session itself: the client's roots choose the workspace; stdout carries only protocol; the process ends with its input. */
class StdioSessionTests {
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    private static final String CHECK_DOMAIN_FILE = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"check_code\",\"arguments\":{\"path\":\"" + Fixtures.DOMAIN_FILE + "\"}}}";

    @TempDir
    Path temp;

    @Test
    void theClientsRootIsTheWorkspaceWhenItDeclaresOne() throws Exception {
        Path serverDefault = Files.createDirectories(temp.resolve("default"));
        Path root = Fixtures.workspace(Files.createDirectories(temp.resolve("client root")));
        McpSyncClient client = McpClients.stdio(serverDefault, temp.resolve("cache"), root.toUri().toString());
        try {
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("check_code", Map.of("path", Fixtures.DOMAIN_FILE)));

            assertThat(StdioToolsTests.list(StdioToolsTests.structured(result).get("findings")))
                    .extracting(f -> f.get("ruleId")).containsExactly("layering.domain-no-framework");
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void stdoutCarriesOnlyJsonRpcAndTheProcessExitsWhenItsInputCloses() throws Exception {
        Path workspace = Fixtures.workspace(Files.createDirectories(temp.resolve("ws")));
        Process server = new ProcessBuilder(McpClients.javaCommand(), "-cp", System.getProperty("java.class.path"),
                StdioMain.class.getName(), "--workspace", workspace.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (OutputStream in = server.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
            lines.add(out.readLine());
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"check_code\","
                    + "\"arguments\":{\"path\":\"" + Fixtures.DOMAIN_FILE + "\"}}}");
            lines.add(out.readLine());
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (server.isAlive() && Instant.now().isBefore(deadline)) {
            server.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        assertThat(server.isAlive()).as("the server exits once its input is closed").isFalse();
        assertThat(server.exitValue()).isZero();
        JsonNode initialize = Json.MAPPER.readTree(lines.get(0));
        JsonNode call = Json.MAPPER.readTree(lines.get(1));
        assertThat(initialize.get("result").get("serverInfo").get("name").asText()).isEqualTo("tenet");
        assertThat(call.get("id").asInt()).isEqualTo(2);
        assertThat(call.get("result").get("structuredContent").get("findings").get(0).get("ruleId").asText())
                .isEqualTo("layering.domain-no-framework");
    }

    @Test
    void requestsWrittenAllAtOnceBeforeEndOfInputAreAllAnsweredBeforeTheProcessExits() throws Exception {
        Path workspace = Fixtures.workspace(Files.createDirectories(temp.resolve("piped")));
        // As `printf '<initialize>\n<tools/call>\n' | tenet mcp` does: no notifications/initialized, input closed at once.
        List<String> lines = pipe(workspace, "\n", INITIALIZE, CHECK_DOMAIN_FILE);

        assertThat(lines).hasSize(2);
        assertThat(Json.MAPPER.readTree(lines.get(0)).get("id").asInt()).isEqualTo(1);
        JsonNode call = Json.MAPPER.readTree(lines.get(1));
        assertThat(call.get("id").asInt()).isEqualTo(2);
        assertThat(call.get("result").get("structuredContent").get("findings").get(0).get("ruleId").asText())
                .isEqualTo("layering.domain-no-framework");
    }

    @Test
    void aLastRequestWithoutItsNewlineIsAnsweredToo() throws Exception {
        Path workspace = Fixtures.workspace(Files.createDirectories(temp.resolve("unterminated")));
        // As `printf '<initialize>\n<tools/call>' | tenet mcp` does.
        List<String> lines = pipe(workspace, "", INITIALIZE, CHECK_DOMAIN_FILE);

        assertThat(lines).hasSize(2);
        assertThat(Json.MAPPER.readTree(lines.get(1)).get("id").asInt()).isEqualTo(2);
    }

    @Test
    void inlineCodeWithAnUnpairedSurrogateIsAToolErrorNamingWhereNotAnInternalError() throws Exception {
        Path workspace = Fixtures.workspace(Files.createDirectories(temp.resolve("surrogate")));
        // The JSON escape \ud800 with no low surrogate after it: valid JSON text, no valid UTF-8 file.
        String check = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"check_code\",\"arguments\":"
                + "{\"code\":\"class A {\\n    String s = \\\"\\ud800\\\";\\n}\\n\",\"filename\":\"src/main/java/com/acme/A.java\"}}}";

        List<String> lines = pipe(workspace, "\n", INITIALIZE, check);

        JsonNode call = Json.MAPPER.readTree(lines.get(1));
        assertThat(call.has("error")).as(lines.get(1)).isFalse();
        assertThat(call.get("result").get("isError").asBoolean()).isTrue();
        assertThat(call.get("result").get("content").get(0).get("text").asText())
                .contains("line 2, column 17 holds an unpaired UTF-16 surrogate (U+D800)");
    }

    /**
     * Runs the server with {@code messages} as its whole input (closed at once), each ended by {@code end}, and
     * returns what it printed.
     */
    private static List<String> pipe(Path workspace, String end, String... messages) throws Exception {
        Process server = new ProcessBuilder(McpClients.javaCommand(), "-cp", System.getProperty("java.class.path"),
                StdioMain.class.getName(), "--workspace", workspace.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = server.getOutputStream()) {
            in.write((String.join("\n", messages) + end).getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }
        assertThat(server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).as("the server exits after answering").isTrue();
        assertThat(server.exitValue()).isZero();
        return lines;
    }

    private static void send(OutputStream in, String message) throws Exception {
        in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
