package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet rules export}: each format's documented fields, marked sections that keep the team's text, --check for CI. */
class RulesExportCommandTests {
    private static final String TEAM_RULE = """
            ---
            id: team.money-as-minor-units
            summary: Amounts are long minor units (cents), never double
            severity: warning
            category: team
            tags: [money]
            globs: ["**/payments/**/*.java"]
            since: 0.1.0
            ---
            # Amounts are long minor units

            ## Why

            Doubles round.

            ## Do

            Use `long amountMinor`.

            ## Don't

            Use `double`.

            ## How to fix

            Convert to minor units.
            """;

    @TempDir
    Path repo;

    @Test
    void cursorWritesOneMdcPerRuleWithDescriptionGlobsAndAlwaysApply() throws Exception {
        writeTeamRule();

        Cli.Result result = Cli.run("rules", "export", "--format", "cursor", "--repo", repo.toString());

        assertThat(result.exitCode()).isZero();
        List<Path> files = list(repo.resolve(".cursor/rules"));
        assertThat(files).isNotEmpty().allSatisfy(file -> {
            assertThat(file.getFileName().toString()).startsWith("tenet-").endsWith(".mdc");
            Map<String, String> front = frontMatter(Files.readString(file));
            assertThat(front.keySet()).containsExactly("description", "globs", "alwaysApply");
            assertThat(front.get("description")).isNotBlank();
            assertThat(front.get("alwaysApply")).isEqualTo("false");
            assertThat(front.get("globs")).doesNotContain("\"", "[");
        });
        String domain = Files.readString(repo.resolve(".cursor/rules/tenet-layering.domain-no-framework.mdc"));
        assertThat(frontMatter(domain)).containsEntry("globs", "**/domain/**/*.java");
        assertThat(domain).contains("## Why", "## How to fix");
        assertThat(frontMatter(Files.readString(repo.resolve(".cursor/rules/tenet-process.tech-spec-before-design-change.mdc"))))
                .containsEntry("globs", "");
        assertThat(frontMatter(Files.readString(repo.resolve(".cursor/rules/tenet-team.money-as-minor-units.mdc"))))
                .containsEntry("description", "Amounts are long minor units (cents), never double")
                .containsEntry("globs", "**/payments/**/*.java");
        assertThat(result.out()).contains("create .cursor/rules/tenet-team.money-as-minor-units.mdc");
    }

    @Test
    void claudeMdKeepsTheTeamsOwnTextAndReplacesOnlyTenetsSection() throws Exception {
        Files.writeString(repo.resolve("CLAUDE.md"), "# Our service\n\nRun ./mvnw verify before pushing.\n");

        Cli.run("rules", "export", "--format", "claude", "--repo", repo.toString());
        String first = Files.readString(repo.resolve("CLAUDE.md"));
        writeTeamRule();
        Cli.Result second = Cli.run("rules", "export", "--format", "claude", "--repo", repo.toString());
        String updated = Files.readString(repo.resolve("CLAUDE.md"));

        assertThat(first).startsWith("# Our service\n\nRun ./mvnw verify before pushing.\n\n<!-- tenet:rules:begin -->\n")
                .contains("`pipeline.outbox-dual-write`, error").endsWith("<!-- tenet:rules:end -->\n");
        assertThat(second.out()).contains("update CLAUDE.md");
        assertThat(updated).startsWith("# Our service\n\nRun ./mvnw verify before pushing.\n\n<!-- tenet:rules:begin -->\n")
                .contains("**Amounts are long minor units (cents), never double** (`team.money-as-minor-units`, warning)");
        assertThat(updated.split("tenet:rules:begin", -1)).hasSize(2);
    }

    @Test
    void agentsMdIsCreatedWithTheSection() throws Exception {
        Cli.Result result = Cli.run("rules", "export", "--format", "agents", "--repo", repo.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(repo.resolve("AGENTS.md"))).startsWith("<!-- tenet:rules:begin -->\n## Team architecture rules (Tenet)")
                .contains("### layering");
    }

    @Test
    void copilotWritesAnIndexAndOnePathSpecificFilePerRuleAppliedToItsGlobs() throws Exception {
        writeTeamRule();

        Cli.Result result = Cli.run("rules", "export", "--format", "copilot", "--repo", repo.toString());

        assertThat(result.exitCode()).isZero();
        String index = Files.readString(repo.resolve(".github/copilot-instructions.md"));
        assertThat(index).startsWith("<!-- tenet:rules:begin -->").contains("`team.money-as-minor-units`", "tenet-<id>.instructions.md");
        List<Path> instructions = list(repo.resolve(".github/instructions"));
        assertThat(instructions).extracting(p -> p.getFileName().toString())
                .contains("tenet-layering.domain-no-framework.instructions.md", "tenet-pipeline.outbox-dual-write.instructions.md",
                        "tenet-team.money-as-minor-units.instructions.md")
                .doesNotContain("tenet-pipeline.instructions.md");
        for (Path file : instructions) {
            Map<String, String> front = frontMatter(Files.readString(file));
            assertThat(front).containsKey("description");
            assertThat(front.keySet()).isSubsetOf("description", "applyTo");
            assertThat(front.getOrDefault("applyTo", "\"-\"")).startsWith("\"").endsWith("\"").doesNotContain("\"**/*\"");
        }
        String domain = Files.readString(repo.resolve(".github/instructions/tenet-layering.domain-no-framework.instructions.md"));
        String outbox = Files.readString(repo.resolve(".github/instructions/tenet-pipeline.outbox-dual-write.instructions.md"));
        assertThat(frontMatter(domain).get("applyTo")).isEqualTo("\"**/domain/**/*.java\"");
        assertThat(frontMatter(outbox).get("applyTo")).isEqualTo("\"**/*.java\"");
        assertThat(outbox).contains("# A transaction never writes the database", "## Why");
    }

    @Test
    void exportingCopilotAgainReplacesTheOldPerCategoryFiles() throws Exception {
        Files.createDirectories(repo.resolve(".github/instructions"));
        Files.writeString(repo.resolve(".github/instructions/tenet-pipeline.instructions.md"), "---\napplyTo: \"**/*\"\n---\nold\n");
        Files.writeString(repo.resolve(".github/instructions/team-style.instructions.md"), "the team's own\n");

        Cli.Result result = Cli.run("rules", "export", "--format", "copilot", "--repo", repo.toString());

        assertThat(result.out()).contains("delete .github/instructions/tenet-pipeline.instructions.md");
        assertThat(repo.resolve(".github/instructions/tenet-pipeline.instructions.md")).doesNotExist();
        assertThat(repo.resolve(".github/instructions/team-style.instructions.md")).hasContent("the team's own");
    }

    @Test
    void checkExitsOneOnDriftAndZeroOnceExported() throws Exception {
        Cli.Result before = Cli.run("rules", "export", "--format", "cursor,claude", "--repo", repo.toString(), "--check");
        Cli.run("rules", "export", "--format", "cursor,claude", "--repo", repo.toString());
        Cli.Result after = Cli.run("rules", "export", "--format", "cursor,claude", "--repo", repo.toString(), "--check");
        Files.writeString(repo.resolve(".cursor/rules/tenet-team.gone.mdc"), "left over from a deleted rule\n");
        Cli.Result stale = Cli.run("rules", "export", "--format", "cursor,claude", "--repo", repo.toString(), "--check");

        assertThat(before.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(before.out()).contains("out of date: CLAUDE.md (would create)");
        assertThat(after.exitCode()).isZero();
        assertThat(after.out()).contains("up to date");
        assertThat(stale.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(stale.out()).contains("out of date: .cursor/rules/tenet-team.gone.mdc (would delete)");
        Cli.run("rules", "export", "--format", "cursor", "--repo", repo.toString());
        assertThat(repo.resolve(".cursor/rules/tenet-team.gone.mdc")).doesNotExist();
    }

    @Test
    void brokenMarkersAreRefusedAndNothingIsWritten() throws Exception {
        Files.writeString(repo.resolve("AGENTS.md"), "# Agents\n<!-- tenet:rules:begin -->\nhalf a section\n");

        Cli.Result result = Cli.run("rules", "export", "--format", "cursor,agents", "--repo", repo.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("AGENTS.md", "markers are broken");
        assertThat(repo.resolve(".cursor")).doesNotExist();
        assertThat(Files.readString(repo.resolve("AGENTS.md"))).isEqualTo("# Agents\n<!-- tenet:rules:begin -->\nhalf a section\n");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli.Result result = Cli.run("rules", "export", "--format", "vim", "--repo", repo.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("unknown export format 'vim' (expected cursor, claude, agents, copilot)");
    }

    private void writeTeamRule() throws IOException {
        Files.createDirectories(repo.resolve(".tenet/rules"));
        Files.writeString(repo.resolve(".tenet/rules/team.money-as-minor-units.md"), TEAM_RULE);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    /** The front matter's keys and raw values, in file order. */
    private static Map<String, String> frontMatter(String text) {
        assertThat(text).startsWith("---\n");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.substring(4, text.indexOf("\n---\n", 3)).split("\n")) {
            int colon = line.indexOf(':');
            fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return fields;
    }
}
