package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tenet init --claude --cursor}: the assistant files it writes, merges into, leaves alone, and refuses to touch. */
class InitAssistantFilesTests {
    static final String SETTINGS_WITH_OTHER_HOOKS = """
            {
              "permissions": {"allow": ["Bash(./mvnw test)"]},
              "hooks": {
                "PostToolUse": [
                  {"matcher": "Bash", "hooks": [{"type": "command", "command": "./scripts/log-command.sh"}]}
                ],
                "Stop": [{"hooks": [{"type": "command", "command": "say done"}]}]
              }
            }
            """;

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private Tree layeredRepository() {
        return new Tree(dir).pom("")
                .java("", "package com.acme.shop.domain;\npublic record Order(String id) {}\n")
                .java("", "package com.acme.shop.adapter.web;\npublic class OrderController {}\n");
    }

    private Cli.Result init(Path root, String... options) {
        List<String> args = new ArrayList<>(List.of("init", root.toString()));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    private JsonNode read(Path root, String path) throws IOException {
        return json.readTree(root.resolve(path).toFile());
    }

    @Test
    void aFreshRepositoryGetsTheConfigTheMcpServersTheHooksAndTheRulesForBothAssistants() throws IOException {
        Path root = layeredRepository().root();

        Cli.Result result = init(root, "--claude", "--cursor");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Wrote .tenet/config.yml")
                .contains("create .mcp.json: the 'tenet' MCP server: tenet mcp")
                .contains("create .claude/settings.json: the PostToolUse hook on Write|Edit|MultiEdit: tenet hook --client claude")
                .contains("create .cursor/mcp.json: the 'tenet' MCP server: tenet mcp --workspace ${workspaceFolder}")
                .contains("create .cursor/hooks.json: the afterFileEdit and stop hooks: tenet hook --client cursor")
                .contains("create CLAUDE.md").containsPattern("create \\.cursor/rules/tenet-[a-z.-]+\\.mdc");

        JsonNode claudeServer = read(root, ".mcp.json").path("mcpServers").path("tenet");
        assertThat(claudeServer.path("type").asText()).isEqualTo("stdio");
        assertThat(claudeServer.path("command").asText()).isEqualTo("tenet");
        assertThat(claudeServer.path("args").toString()).isEqualTo("[\"mcp\"]");
        JsonNode postToolUse = read(root, ".claude/settings.json").path("hooks").path("PostToolUse");
        assertThat(postToolUse).hasSize(1);
        assertThat(postToolUse.get(0).path("matcher").asText()).isEqualTo("Write|Edit|MultiEdit");
        assertThat(postToolUse.get(0).path("hooks").get(0).path("type").asText()).isEqualTo("command");
        assertThat(postToolUse.get(0).path("hooks").get(0).path("command").asText()).isEqualTo("tenet hook --client claude");

        JsonNode cursorServer = read(root, ".cursor/mcp.json").path("mcpServers").path("tenet");
        assertThat(cursorServer.path("command").asText()).isEqualTo("tenet");
        assertThat(cursorServer.path("args").toString()).isEqualTo("[\"mcp\",\"--workspace\",\"${workspaceFolder}\"]");
        JsonNode cursorHooks = read(root, ".cursor/hooks.json");
        assertThat(cursorHooks.path("version").asInt()).isEqualTo(1);
        assertThat(cursorHooks.path("hooks").path("afterFileEdit").get(0).path("command").asText()).isEqualTo("tenet hook --client cursor");
        assertThat(cursorHooks.path("hooks").path("stop").get(0).path("command").asText()).isEqualTo("tenet hook --client cursor");
        assertThat(cursorHooks.path("hooks").path("stop").get(0).path("loop_limit").asInt()).isEqualTo(AssistantFiles.CURSOR_LOOP_LIMIT);

        assertThat(Files.readString(root.resolve("CLAUDE.md"))).contains("<!-- tenet:rules:begin -->").contains("pipeline.outbox-dual-write");
        try (Stream<Path> rules = Files.list(root.resolve(".cursor/rules"))) {
            assertThat(rules.map(path -> path.getFileName().toString())).contains("tenet-pipeline.outbox-dual-write.mdc");
        }
        assertThat(root.resolve(".tenet/config.yml")).isRegularFile();
        // The server entries start a command tenet accepts.
        assertThat(parses(List.of("mcp"))).isTrue();
        assertThat(parses(List.of("mcp", "--workspace", dir.toString()))).isTrue();
    }

    @Test
    void existingSettingsAndServersKeepEveryOtherEntryAndGetTenetsAdded() throws IOException {
        Path root = layeredRepository()
                .file(".claude/settings.json", SETTINGS_WITH_OTHER_HOOKS)
                .file(".mcp.json", "{\"mcpServers\": {\"postgres\": {\"command\": \"pg-mcp\", \"args\": [\"--read-only\"]}}}\n")
                .file(".cursor/hooks.json", "{\"version\": 1, \"hooks\": {\"afterFileEdit\": [{\"command\": \"./hooks/format.sh\"}]}}\n")
                .file("CLAUDE.md", "# Team notes\n\nRun ./mvnw verify before pushing.\n")
                .root();

        Cli.Result result = init(root, "--claude", "--cursor");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("update .claude/settings.json").contains("update .mcp.json").contains("update .cursor/hooks.json")
                .contains("update CLAUDE.md");
        JsonNode settings = read(root, ".claude/settings.json");
        assertThat(settings.path("permissions").toString()).isEqualTo("{\"allow\":[\"Bash(./mvnw test)\"]}");
        assertThat(settings.path("hooks").path("Stop").toString()).isEqualTo("[{\"hooks\":[{\"type\":\"command\",\"command\":\"say done\"}]}]");
        assertThat(commands(settings.path("hooks").path("PostToolUse")))
                .containsExactly("./scripts/log-command.sh", "tenet hook --client claude");
        JsonNode servers = read(root, ".mcp.json").path("mcpServers");
        assertThat(fieldNames(servers)).containsExactly("postgres", "tenet");
        assertThat(servers.path("postgres").toString()).isEqualTo("{\"command\":\"pg-mcp\",\"args\":[\"--read-only\"]}");
        JsonNode cursorHooks = read(root, ".cursor/hooks.json").path("hooks");
        assertThat(commands(cursorHooks.path("afterFileEdit"))).containsExactly("./hooks/format.sh", "tenet hook --client cursor");
        assertThat(commands(cursorHooks.path("stop"))).containsExactly("tenet hook --client cursor");
        assertThat(Files.readString(root.resolve("CLAUDE.md"))).startsWith("# Team notes\n\nRun ./mvnw verify before pushing.\n")
                .contains("<!-- tenet:rules:begin -->");
    }

    @Test
    void aSecondRunFindsTenetsEntriesAndChangesNothing() throws IOException {
        Path root = layeredRepository().file(".claude/settings.json", SETTINGS_WITH_OTHER_HOOKS).root();
        assertThat(init(root, "--claude", "--cursor").exitCode()).isZero();
        Map<String, String> first = snapshot(root);

        Cli.Result second = init(root, "--claude", "--cursor");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(snapshot(root)).isEqualTo(first);
        assertThat(second.out()).contains("kept .tenet/config.yml")
                .contains("unchanged .mcp.json: has a 'tenet' MCP server")
                .contains("unchanged .claude/settings.json: has Tenet's PostToolUse hook")
                .contains("unchanged .cursor/mcp.json")
                .contains("unchanged .cursor/hooks.json: has Tenet's afterFileEdit and stop hooks")
                .contains("unchanged CLAUDE.md")
                .doesNotContain("create ").doesNotContain("update ");
        assertThat(commands(read(root, ".claude/settings.json").path("hooks").path("PostToolUse")))
                .containsExactly("./scripts/log-command.sh", "tenet hook --client claude");
    }

    @Test
    void aSettingsFileThatIsNotJsonStopsEverythingAndNamesItsLine() throws IOException {
        String broken = "{\n  \"hooks\": {\n    \"PostToolUse\": [,]\n  }\n}\n";
        Path root = layeredRepository().file(".claude/settings.json", broken).root();

        Cli.Result result = init(root, "--claude", "--cursor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("tenet: .claude/settings.json:3: not valid JSON (")
                .contains("nothing written (fix it, or use --force to replace it)");
        assertThat(Files.readString(root.resolve(".claude/settings.json"))).isEqualTo(broken);
        assertThat(root.resolve(".mcp.json")).doesNotExist();
        assertThat(root.resolve(".cursor")).doesNotExist();
        assertThat(root.resolve("CLAUDE.md")).doesNotExist();
        assertThat(root.resolve(".tenet")).doesNotExist();
    }

    @Test
    void aHooksKeyOfTheWrongShapeIsAnErrorNamingTheKey() {
        Path root = layeredRepository().file(".cursor/hooks.json", "{\"version\": 1, \"hooks\": {\"stop\": \"./stop.sh\"}}\n").root();

        Cli.Result result = init(root, "--cursor");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("tenet: .cursor/hooks.json: 'hooks.stop' is string, expected an array; nothing written");
        assertThat(root.resolve(".cursor/mcp.json")).doesNotExist();
    }

    @Test
    void forceReplacesAFileThatIsNotJsonAndTenetsOwnEntriesButKeepsTheOthers() throws IOException {
        Path root = layeredRepository()
                .file(".mcp.json", "this is not json\n")
                .file(".claude/settings.json", SETTINGS_WITH_OTHER_HOOKS)
                .root();
        assertThat(init(root, "--claude").exitCode()).isEqualTo(2);

        Cli.Result forced = init(root, "--claude", "--force", "--tenet-command", "/opt/tenet tools/bin/tenet");

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(read(root, ".mcp.json").path("mcpServers").path("tenet").path("command").asText()).isEqualTo("/opt/tenet tools/bin/tenet");
        assertThat(commands(read(root, ".claude/settings.json").path("hooks").path("PostToolUse")))
                .containsExactly("./scripts/log-command.sh", "'/opt/tenet tools/bin/tenet' hook --client claude");

        Cli.Result again = init(root, "--claude", "--force");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(commands(read(root, ".claude/settings.json").path("hooks").path("PostToolUse")))
                .containsExactly("./scripts/log-command.sh", "tenet hook --client claude");
        assertThat(read(root, ".claude/settings.json").path("permissions").toString()).isEqualTo("{\"allow\":[\"Bash(./mvnw test)\"]}");
    }

    @Test
    void withoutAnAssistantOptionAnExistingConfigIsStillRefused() {
        Path root = layeredRepository().file(".tenet/config.yml", "layers: {}\n").root();

        Cli.Result result = init(root);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(".tenet/config.yml: exists already");
        assertThat(root.resolve(".mcp.json")).doesNotExist();
    }

    private static boolean parses(List<String> args) {
        try {
            TenetCommand.commandLine().parseArgs(args.toArray(String[]::new));
            return true;
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    /** Every hook command in an event's list, Claude Code's matcher groups flattened. */
    private static List<String> commands(JsonNode entries) {
        List<String> commands = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (entry.has("hooks")) {
                entry.path("hooks").forEach(hook -> commands.add(hook.path("command").asText()));
            } else {
                commands.add(entry.path("command").asText());
            }
        }
        return commands;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
