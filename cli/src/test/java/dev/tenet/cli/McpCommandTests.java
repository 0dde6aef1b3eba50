package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenet.mcp.Json;
import dev.tenet.mcp.schema.SchemaValidator;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet mcp} and {@code tenet serve} started as real processes and driven by the MCP SDK's client. */
class McpCommandTests {
    private static final String DOMAIN_FILE = "src/main/java/com/acme/domain/Ledger.java";

    @TempDir
    Path temp;

    @Test
    void tenetMcpServesTheWorkspaceOverStdio() throws Exception {
        Path workspace = workspace();
        ServerParameters parameters = ServerParameters.builder(java()).args(List.of("-Xlog:disable", "-Xlog:all=warning:stderr",
                "-cp", System.getProperty("java.class.path"), TenetCommand.class.getName(), "mcp", "--workspace", workspace.toString(),
                "--cache-dir", temp.resolve("cache").toString())).build();
        try (McpSyncClient client = McpClient.sync(new StdioClientTransport(parameters, Json.MCP))
                .requestTimeout(Duration.ofSeconds(60)).jsonSchemaValidator(new SchemaValidator()).build()) {
            McpSchema.InitializeResult init = client.initialize();
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("check_code", Map.of("path", DOMAIN_FILE)));

            assertThat(init.serverInfo().name()).isEqualTo("tenet");
            assertThat(result.isError()).isFalse();
            assertThat(Json.write(result.structuredContent())).contains("\"ruleId\":\"layering.domain-no-framework\"");
        }
    }

    @Test
    void tenetMcpAnswersEveryRequestPipedInBeforeItsInputEnds() throws Exception {
        Path workspace = workspace();
        Process mcp = new ProcessBuilder(java(), "-Xlog:disable", "-Xlog:all=warning:stderr", "-cp", System.getProperty("java.class.path"),
                TenetCommand.class.getName(), "mcp", "--workspace", workspace.toString(), "--cache-dir", temp.resolve("cache").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        // printf '<initialize>\n<tools/call>\n' | tenet mcp
        try (var in = mcp.getOutputStream()) {
            in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"printf\",\"version\":\"1\"}}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"check_code\","
                    + "\"arguments\":{\"path\":\"" + DOMAIN_FILE + "\"}}}\n").getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(mcp.getInputStream(), StandardCharsets.UTF_8))) {
            lines = out.lines().toList();
        }

        assertThat(mcp.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mcp.exitValue()).isZero();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"id\":1", "\"serverInfo\"");
        assertThat(lines.get(1)).contains("\"id\":2", "\"ruleId\":\"layering.domain-no-framework\"");
    }

    @Test
    void tenetServeServesStreamableHttpOnLoopbackUntilStopped() throws Exception {
        Path workspace = workspace();
        Path cache = temp.resolve("serve-cache");
        Process serve = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), TenetCommand.class.getName(),
                "serve", "--port", "0", "--workspace", workspace.toString(), "--cache-dir", cache.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = portFrom(serve);
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp").jsonMapper(Json.MCP).build();
            try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                    .jsonSchemaValidator(new SchemaValidator()).build()) {
                client.initialize();
                McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("search_rules", Map.of("query", "outbox")));
                McpSchema.CallToolResult check = client.callTool(new McpSchema.CallToolRequest("check_code", Map.of("path", DOMAIN_FILE)));

                assertThat(Json.write(result.structuredContent())).contains("pipeline.outbox-dual-write");
                assertThat(Json.write(check.structuredContent())).contains("\"ruleId\":\"layering.domain-no-framework\"");
                assertThat(cache.resolve("scan")).as("the scan cache goes to --cache-dir").isDirectory();
            }
        } finally {
            serve.destroy();
            serve.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void tenetServeRefusesAnOpenBindWithoutAToken() {
        Cli.Result result = Cli.run("serve", "--bind", "0.0.0.0", "--port", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("set a bearer token (TENET_MCP_TOKEN)");
    }

    static int portFrom(Process serve) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("serving MCP at http://127\\.0\\.0\\.1:(\\d+)/mcp");
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    Matcher matcher = serving.matcher(line);
                    if (matcher.find()) {
                        return Integer.parseInt(matcher.group(1));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("tenet serve ended without serving");
        });
        return port.get(60, TimeUnit.SECONDS);
    }

    private Path workspace() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("ws"));
        Path file = workspace.resolve(DOMAIN_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package com.acme.domain;

                import org.springframework.stereotype.Component;

                @Component
                public class Ledger {
                }
                """);
        return workspace;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
