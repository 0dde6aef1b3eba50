package dev.tenet.cli;

import dev.tenet.rules.engine.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tenet} command: global help and version only; the work is in the subcommands. */
@Command(name = "tenet",
        mixinStandardHelpOptions = true,
        versionProvider = TenetCommand.Version.class,
        description = "Architecture rules for Kafka/Spring services, applied while code is written, reviewed and scaffolded.",
        subcommands = {CheckCommand.class, BaselineCommand.class, InitCommand.class, RulesCommand.class, NewCommand.class, AddCommand.class, ReviewCommand.class, McpCommand.class, HookCommand.class, StatsCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK_TEXT,
            ExitCodes.FINDINGS_TEXT,
            ExitCodes.USAGE_TEXT,
            ExitCodes.INTERNAL_TEXT})
public final class TenetCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'tenet check' or 'tenet --help'");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@code main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TenetCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** Prints the version from the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tenet " + BuildInfo.version()};
        }
    }
}
