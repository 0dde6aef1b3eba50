package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tenet rules list|show}: the catalog as people read it, repository rules included. */
class RulesCommandTests {
    @TempDir
    Path repo;

    @Test
    void listShowsEveryBuiltinRuleWithACountLine() {
        Cli.Result result = Cli.run("rules", "list", "--repo", repo.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("pipeline.outbox-dual-write").contains("process.tech-spec-before-design-change")
                .containsPattern("\\d+ rules \\(\\d+ checked by Tenet, \\d+ guidance");
        long lines = result.out().lines().filter(l -> l.matches("[a-z]+\\.[a-z0-9.-]+ .*")).count();
        assertThat(lines).isGreaterThanOrEqualTo(24);
    }

    @Test
    void showPrintsMetadataAndTheMarkdownSections() {
        Cli.Result result = Cli.run("rules", "show", "pipeline.outbox-dual-write", "--repo", repo.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("severity: error").contains("check: outbox-dual-write")
                .contains("## Why").contains("## Do").contains("## Don't").contains("## How to fix");
    }

    @Test
    void anUnknownIdIsAUsageErrorWithASuggestion() {
        Cli.Result result = Cli.run("rules", "show", "pipeline.outbox-dualwrite", "--repo", repo.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown rule id 'pipeline.outbox-dualwrite'").contains("did you mean 'pipeline.outbox-dual-write'");
    }

    @Test
    void repositoryRulesAreListedAndCanReplaceABuiltinOne() throws IOException {
        Path rules = Files.createDirectories(repo.resolve(".tenet/rules"));
        Files.writeString(rules.resolve("team.ledger-append-only.md"), """
                ---
                id: team.ledger-append-only
                summary: Ledger rows are never updated in place
                severity: error
                category: team
                tags: [database]
                since: 0.1.0
                ---
                # Ledger rows are never updated in place

                ## Why
                Auditors replay the ledger.

                ## Do
                Insert a reversal row.

                ## Don't
                Update the amount.

                ## How to fix
                Write a compensating entry.
                """);
        Cli.Result list = Cli.run("rules", "list", "--repo", repo.toString());
        assertThat(list.out()).contains("team.ledger-append-only").contains("guidance");
        Cli.Result show = Cli.run("rules", "show", "team.ledger-append-only", "--repo", repo.toString());
        assertThat(show.out()).contains("source: .tenet/rules/team.ledger-append-only.md").contains("Auditors replay the ledger.");
    }

    @Test
    void jsonListsMachineReadableMetadata() {
        Cli.Result result = Cli.run("rules", "list", "--format", "json", "--repo", repo.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"id\" : \"pipeline.missing-message-key\"").contains("\"check\" : \"missing-message-key\"");
    }
}
