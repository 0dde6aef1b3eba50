package dev.tenet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenet rules}: the catalog, built-in rules plus the repository's own. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List, show and export the rules in force (built-in plus .tenet/rules/*.md).",
        subcommands = {RulesListCommand.class, RulesShowCommand.class, RulesExportCommand.class})
final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: 'tenet rules list' or 'tenet rules show ID'");
    }
}
