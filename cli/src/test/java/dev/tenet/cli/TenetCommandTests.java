package dev.tenet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenetCommandTests {

    @Test
    void theTopLevelHelpListsEverySubcommand() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("check", "baseline", "init", "rules", "new", "add", "review", "mcp", "hook", "stats", "serve", "help");
    }

    @Test
    void aSubcommandNamedFirstIsTheOnlyOneBuilt() {
        assertThat(TenetCommand.commandLine("mcp", "--workspace", ".").getSubcommands()).containsOnlyKeys("mcp");
        assertThat(TenetCommand.commandLine("--version").getSubcommands()).hasSize(12);
    }

    @Test
    void aMisspelledSubcommandIsRefusedWithTheNearestName() {
        Cli.Result result = Cli.run("chek", ".");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("chek").contains("check");
    }

    @Test
    void helpAboutASubcommandStillWorks() {
        Cli.Result result = Cli.run("help", "mcp");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: tenet mcp");
    }

    @Test
    void aSubcommandsOwnHelpIsItsUsage() {
        Cli.Result result = Cli.run("hook", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: tenet hook");
    }
}
