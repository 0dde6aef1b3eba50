package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenet.rules.catalog.Rule;
import dev.tenet.rules.catalog.RuleCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The Claude Code plugin in the repository ({@code .claude-plugin/marketplace.json}, {@code plugins/tenet}) has the layout and the
 * fields Claude Code's plugin reference documents, every file parses, and every path, rule id and {@code tenet} command it names exists.
 */
class ClaudePluginTests {
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path MARKETPLACE = REPOSITORY.resolve(".claude-plugin/marketplace.json");
    static final Path PLUGIN = REPOSITORY.resolve("plugins/tenet");
    static final String PLUGIN_ROOT = "${CLAUDE_PLUGIN_ROOT}";
    static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Hook events Claude Code documents; a misspelt one loads silently and never fires. */
    static final Set<String> HOOK_EVENTS = Set.of("PreToolUse", "PostToolUse", "PostToolUseFailure", "Notification", "UserPromptSubmit",
            "Stop", "SubagentStart", "SubagentStop", "PreCompact", "SessionStart", "SessionEnd", "PermissionRequest");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theMarketplaceListsThePluginWithARelativeSourceThatHoldsItsManifest() throws IOException {
        JsonNode marketplace = json.readTree(MARKETPLACE.toFile());

        assertThat(marketplace.path("name").asText()).matches(KEBAB_CASE);
        assertThat(marketplace.path("owner").path("name").asText()).isNotBlank();
        assertThat(marketplace.path("plugins").isArray()).isTrue();
        assertThat(marketplace.path("plugins")).hasSize(1);
        for (JsonNode entry : marketplace.path("plugins")) {
            String source = entry.path("source").asText();
            assertThat(source).startsWith("./").doesNotContain("..");
            Path pluginDir = REPOSITORY.resolve(source).normalize();
            assertThat(pluginDir.resolve(".claude-plugin/plugin.json")).isRegularFile();
            assertThat(json.readTree(pluginDir.resolve(".claude-plugin/plugin.json").toFile()).path("name").asText())
                    .isEqualTo(entry.path("name").asText());
        }
    }

    @Test
    void thePluginManifestHasTheDocumentedFieldsAndTheBuildsVersion() throws IOException {
        JsonNode manifest = json.readTree(PLUGIN.resolve(".claude-plugin/plugin.json").toFile());

        assertThat(manifest.path("name").asText()).isEqualTo("tenet").matches(KEBAB_CASE);
        assertThat(manifest.path("description").asText()).isNotBlank();
        assertThat(manifest.path("author").path("name").asText()).isNotBlank();
        assertThat(manifest.path("license").asText()).isEqualTo("Apache-2.0");
        assertThat(manifest.path("version").asText()).matches("\\d+\\.\\d+\\.\\d+")
                .isEqualTo(projectVersion().replace("-SNAPSHOT", ""));
        // Only the manifest lives in .claude-plugin/; components sit at the plugin root, where Claude Code looks for them.
        try (Stream<Path> files = Files.list(PLUGIN.resolve(".claude-plugin"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("plugin.json");
        }
    }

    @Test
    void theHookChecksEveryFileClaudeWritesOrEditsWithTenetHook() throws IOException {
        JsonNode hooks = json.readTree(PLUGIN.resolve("hooks/hooks.json").toFile()).path("hooks");

        List<String> events = new ArrayList<>();
        hooks.fieldNames().forEachRemaining(events::add);
        assertThat(events).containsExactly("PostToolUse").allMatch(HOOK_EVENTS::contains);
        JsonNode group = hooks.path("PostToolUse").get(0);
        assertThat(group.path("matcher").asText()).isEqualTo("Write|Edit|MultiEdit");
        JsonNode hook = group.path("hooks").get(0);
        assertThat(hook.path("type").asText()).isEqualTo("command");
        assertThat(hook.path("command").asText()).isEqualTo("\"" + PLUGIN_ROOT + "/scripts/tenet\" hook --client claude");
        assertThat(hook.path("timeout").asInt()).isPositive();
        assertNamedFileIsExecutable(hook.path("command").asText().replace("\"", "").split(" ")[0]);
    }

    @Test
    void theMcpServerIsTenetMcpStartedThroughThePluginsLauncher() throws IOException {
        JsonNode server = json.readTree(PLUGIN.resolve(".mcp.json").toFile()).path("mcpServers").path("tenet");

        assertThat(server.path("command").asText()).isEqualTo(PLUGIN_ROOT + "/scripts/tenet");
        assertThat(server.path("args").toString()).isEqualTo("[\"mcp\"]");
        assertNamedFileIsExecutable(server.path("command").asText());
    }

    @Test
    void everySkillHasFrontMatterNamedAfterItsFolderAndNamesOnlyRulesAndCommandsThatExist() throws IOException {
        Set<String> ruleIds = RuleCatalog.builtin().all().stream().map(Rule::id).collect(Collectors.toSet());
        List<Path> skills;
        try (Stream<Path> dirs = Files.list(PLUGIN.resolve("skills"))) {
            skills = dirs.sorted().toList();
        }
        assertThat(skills).extracting(dir -> dir.getFileName().toString())
                .containsExactly("add-consumer", "explain-rule", "review", "tech-spec");

        for (Path dir : skills) {
            String text = Files.readString(dir.resolve("SKILL.md"), StandardCharsets.UTF_8);
            assertThat(text).as(dir + " starts with front matter").startsWith("---\n");
            String frontMatter = text.substring(4, text.indexOf("\n---\n", 4));
            Map<String, Object> fields = new Yaml().load(frontMatter);
            assertThat(fields.get("name")).as(dir + " name").isEqualTo(dir.getFileName().toString());
            assertThat((String) fields.get("description")).as(dir + " description").isNotBlank();
            assertThat(fields.keySet()).as(dir + " front matter").isSubsetOf("name", "description", "argument-hint");

            Matcher ruleId = Pattern.compile("`(?:tenet://rules/)?((?:caching|layering|pipeline|process|resilience)\\.[a-z-]+)`").matcher(text);
            while (ruleId.find()) {
                assertThat(ruleIds).as(dir + " names rule " + ruleId.group(1)).contains(ruleId.group(1));
            }
            Matcher command = Pattern.compile("`(tenet [^`]+)`").matcher(text);
            while (command.find()) {
                String[] args = command.group(1).strip().split("\\s+");
                assertParses(dir, List.of(args).subList(1, args.length));
            }
        }
    }

    @Test
    void theLauncherRunsTenetBinThenTenetHomeThenThePathAndSaysHowToFixAMissingTenet(@TempDir Path dir) throws Exception {
        Path fake = fakeTenet(dir.resolve("bin"), "from-bin");
        fakeTenet(dir.resolve("home/bin"), "from-home");
        fakeTenet(dir.resolve("path"), "from-path");
        String basePath = Files.createDirectories(dir.resolve("empty")).toString(); // the launcher needs nothing but /bin/sh's builtins

        assertThat(launch(Map.of("TENET_BIN", fake.toString(), "TENET_HOME", dir.resolve("home").toString(), "PATH", basePath)).out())
                .isEqualTo("from-bin hook --client claude\n");
        assertThat(launch(Map.of("TENET_HOME", dir.resolve("home").toString(), "PATH", dir.resolve("path") + ":" + basePath)).out())
                .isEqualTo("from-home hook --client claude\n");
        assertThat(launch(Map.of("PATH", dir.resolve("path") + ":" + basePath)).out()).isEqualTo("from-path hook --client claude\n");
        Launch missing = launch(Map.of("PATH", basePath));
        assertThat(missing.exit()).isEqualTo(127);
        assertThat(missing.err()).contains("tenet: command not found").contains("TENET_BIN");
    }

    private static void assertNamedFileIsExecutable(String named) {
        assertThat(named).startsWith(PLUGIN_ROOT + "/");
        Path file = PLUGIN.resolve(named.substring(PLUGIN_ROOT.length() + 1));
        assertThat(file).isRegularFile().isExecutable();
    }

    private static void assertParses(Path skill, List<String> args) {
        CommandLine commandLine = TenetCommand.commandLine();
        try {
            commandLine.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError(skill + " names 'tenet " + String.join(" ", args) + "', which tenet refuses: " + e.getMessage(), e);
        }
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>tenet-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(REPOSITORY.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static Path fakeTenet(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("tenet");
        Files.writeString(file, "#!/bin/sh\necho " + name + " \"$@\"\n");
        file.toFile().setExecutable(true);
        return file;
    }

    record Launch(int exit, String out, String err) {
    }

    private static Launch launch(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(PLUGIN.resolve("scripts/tenet").toString(), "hook", "--client", "claude");
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Launch(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
