package dev.tenet.cli;

import dev.tenet.rules.engine.BuildInfo;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tenet} command: global help and version only; the work is in the subcommands. */
@Command(name = "tenet",
        mixinStandardHelpOptions = true,
        versionProvider = TenetCommand.Version.class,
        description = "Architecture rules for Kafka/Spring services, applied while code is written, reviewed and scaffolded.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            ExitCodes.OK_TEXT,
            ExitCodes.FINDINGS_TEXT,
            ExitCodes.USAGE_TEXT,
            ExitCodes.INTERNAL_TEXT})
public final class TenetCommand implements Runnable {
    /** In the order {@code tenet --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(CheckCommand.class, BaselineCommand.class, InitCommand.class,
            RulesCommand.class, NewCommand.class, AddCommand.class, ReviewCommand.class, McpCommand.class, HookCommand.class,
            StatsCommand.class, ServeCommand.class, CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'tenet check' or 'tenet --help'");
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The configured command line with every subcommand: what {@code tenet --help} shows. */
    public static CommandLine commandLine() {
        return configured(SUBCOMMANDS);
    }

    /**
     * The command line for these arguments: when the first one names a subcommand, only that subcommand is built.
     * picocli reflects over every option of every command it is given, which cost {@code tenet mcp} and
     * {@code tenet hook} (started by an assistant on every edit) more than a hundred milliseconds for commands they never run.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                if (subcommand != CommandLine.HelpCommand.class && nameOf(subcommand).equals(args[0])) {
                    return configured(List.of(subcommand));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine configured(List<Class<?>> subcommands) {
        CommandLine commandLine = new CommandLine(new TenetCommand());
        subcommands.forEach(commandLine::addSubcommand);
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    private static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /** Prints the version from the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tenet " + BuildInfo.version()};
        }
    }
}
