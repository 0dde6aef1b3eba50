package dev.tenet.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scaffold} over stdio: the plan by default, a new service only with {@code write}, bad specs and paths refused. */
class StdioScaffoldTests {
    static final String SPEC = """
            service: learning-progress
            package: com.example.learning
            database: mysql
            aggregate:
              name: TrainingProgress
              key: userId
              total: trainingMinutes
            consumers:
              - topic: learning.lecture-watched
                event: LectureWatched
                amount: minutes
                fields:
                  eventId: string
                  userId: string
                  minutes: int
            publishes:
              topic: learning.progress-updated
              event: ProgressUpdated
            """;

    @TempDir
    static Path temp;
    static Path workspace;
    static McpSyncClient client;

    @BeforeAll
    static void start() throws IOException {
        workspace = Files.createDirectories(temp.resolve("ws"));
        client = McpClients.stdio(workspace, temp.resolve("cache"));
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @Test
    void planModeListsTheFilesOfTheServiceAndWritesNothing() throws IOException {
        Map<String, Object> plan = StdioToolsTests.structured(call(Map.of("spec", SPEC)));

        List<Map<String, Object>> files = StdioToolsTests.list(plan.get("files"));
        assertThat(plan).containsEntry("service", "learning-progress").containsEntry("target", "learning-progress")
                .containsEntry("written", false).containsEntry("modify", 0).containsEntry("unchanged", 0)
                .containsEntry("create", files.size());
        assertThat(files).extracting(f -> f.get("path")).contains("pom.xml", ".tenet/pipeline.yaml",
                "src/main/java/com/example/learning/domain/TrainingProgress.java");
        assertThat(files).allSatisfy(f -> assertThat(f).containsEntry("action", "create").doesNotContainKey("diff"));
        assertThat(workspaceEntries()).isEmpty();
    }

    @Test
    void planModeShowsAUnifiedDiffForFilesThatAlreadyExist() throws IOException {
        Fixtures.write(workspace, "existing/pom.xml", "<project>old</project>\n");

        Map<String, Object> plan = StdioToolsTests.structured(call(Map.of("spec", SPEC, "target", "existing")));

        Map<String, Object> pom = StdioToolsTests.list(plan.get("files")).stream()
                .filter(f -> f.get("path").equals("pom.xml")).findFirst().orElseThrow();
        assertThat(plan).containsEntry("target", "existing").containsEntry("modify", 1).containsEntry("written", false);
        assertThat(pom).containsEntry("action", "modify");
        assertThat((String) pom.get("diff")).startsWith("--- a/pom.xml\n+++ b/pom.xml\n@@ ")
                .contains("\n-<project>old</project>\n", "\n+<project");
        assertThat(Files.readString(workspace.resolve("existing/pom.xml"))).isEqualTo("<project>old</project>\n");
    }

    @Test
    void writeModeCreatesTheServiceInTheWorkspaceAndRefusesToWriteOverIt() throws IOException {
        Map<String, Object> result = StdioToolsTests.structured(call(Map.of("spec", SPEC, "target", "services/progress", "write", true)));

        Path service = workspace.resolve("services/progress");
        assertThat(result).containsEntry("written", true).containsEntry("target", "services/progress");
        assertThat(service.resolve("pom.xml")).isRegularFile();
        assertThat(service.resolve("mvnw")).isExecutable();
        assertThat(service.resolve(".tenet/pipeline.yaml")).content().contains("service: learning-progress");
        try (Stream<Path> written = Files.walk(service)) {
            assertThat(written.filter(Files::isRegularFile).count()).isEqualTo(((Number) result.get("create")).longValue());
        }
        try (Stream<Path> siblings = Files.list(workspace.resolve("services"))) {
            assertThat(siblings).extracting(p -> p.getFileName().toString()).containsExactly("progress");
        }

        McpSchema.CallToolResult again = call(Map.of("spec", SPEC, "target", "services/progress", "write", true));
        Map<String, Object> replan = StdioToolsTests.structured(call(Map.of("spec", SPEC, "target", "services/progress")));

        assertThat(again.isError()).isTrue();
        assertThat(StdioToolsTests.text(again)).contains("services/progress is not empty");
        assertThat(replan).containsEntry("create", 0).containsEntry("modify", 0);
    }

    @Test
    void aBadSpecIsAToolErrorNamingTheFieldAndLine() {
        McpSchema.CallToolResult result = call(Map.of("spec", SPEC.replace("database: mysql", "database: oracle"), "write", true));
        McpSchema.CallToolResult unreadable = call(Map.of("spec", "service: [unclosed\n"));

        assertThat(result.isError()).isTrue();
        assertThat(StdioToolsTests.text(result)).startsWith("spec:3: ").contains("'database' is 'oracle'", "mysql or postgres");
        assertThat(unreadable.isError()).isTrue();
        assertThat(StdioToolsTests.text(unreadable)).startsWith("spec:");
        assertThat(workspace.resolve("learning-progress")).doesNotExist();
    }

    @Test
    void targetsThatLeaveTheWorkspaceAreRefused() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(workspace.resolve("link-out"), outside);

        assertThat(StdioToolsTests.text(call(Map.of("spec", SPEC, "target", "../escaped", "write", true)))).contains("leaves the workspace");
        assertThat(StdioToolsTests.text(call(Map.of("spec", SPEC, "target", outside.resolve("abs").toString(), "write", true))))
                .contains("not absolute");
        assertThat(StdioToolsTests.text(call(Map.of("spec", SPEC, "target", "link-out/svc", "write", true)))).contains("symbolic link");
        assertThat(StdioToolsTests.text(call(Map.of("spec", SPEC, "target", "link-out")))).contains("symbolic link");
        try (Stream<Path> entries = Files.list(outside)) {
            assertThat(entries).isEmpty();
        }
        assertThat(temp.resolve("escaped")).doesNotExist();
        Files.delete(workspace.resolve("link-out"));
    }

    private static McpSchema.CallToolResult call(Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest("scaffold", arguments));
    }

    private static List<Path> workspaceEntries() throws IOException {
        try (Stream<Path> entries = Files.list(workspace)) {
            return entries.filter(p -> !p.getFileName().toString().equals("existing") && !p.getFileName().toString().equals("services")
                    && !p.getFileName().toString().equals("link-out")).toList();
        }
    }
}
