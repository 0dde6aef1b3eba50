package dev.tenet.cli;

import dev.tenet.cli.hook.HookDaemon;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tenet hook --client claude|cursor}: checks the file an assistant's agent just edited and tells the agent. */
@Command(name = "hook", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = TenetCommand.Version.class,
        description = {"Check the file an AI agent just edited, from the hook event on stdin, and answer the agent.",
            "Claude Code: a PostToolUse hook on Write|Edit|MultiEdit; findings go to stderr with exit code 2.",
            "Cursor: afterFileEdit records the file; stop answers {\"followup_message\": ...} with the findings.",
            "A clean, non-Java or outside file gets silence. Problems are logged to hook.log in the cache folder, never shown.",
            "The first event starts a background server (ends after 30 idle minutes) that keeps later events fast."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Nothing to tell the agent (or a Cursor JSON answer on stdout), also after an internal problem.",
            "2:Claude Code: findings on stderr for the model (or a usage error in the hook command itself)."})
final class HookCommand implements Callable<Integer> {
    /** The assistants whose hook events Tenet reads. */
    enum Client { claude, cursor }

    @Spec
    CommandSpec spec;

    @Option(names = "--client", paramLabel = "CLIENT", description = "The assistant sending the event: claude or cursor.")
    Client client;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "warning",
            description = "Tell the agent about findings at or above this severity: error, warning or info. Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--max-findings", paramLabel = "N", defaultValue = "5",
            description = "Findings shown in one answer before \"N more\". Default: ${DEFAULT-VALUE}.")
    int maxFindings;

    @Option(names = "--loop-limit", paramLabel = "N", defaultValue = "3",
            description = "Cursor: follow-ups asked for in a row before a stop is let through. Default: ${DEFAULT-VALUE}.")
    int loopLimit;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Time budget of one event; past it the event is logged and answered with silence. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache folder (scan cache, hook.log, server socket, adherence counts). Default: $TENET_CACHE_DIR, $XDG_CACHE_HOME/tenet or ~/.cache/tenet.")
    Path cacheDir;

    @Option(names = "--no-server", description = "Answer in this process; never start or use the background server.")
    boolean noServer;

    @Option(names = "--status", description = "Print whether the background server is running, then exit.")
    boolean status;

    @Option(names = "--stop", description = "Stop the background server, then exit.")
    boolean stop;

    /** Where the event is read from; the process's stdin unless a test hands in another. */
    InputStream in = System.in;

    @Override
    public Integer call() throws IOException {
        HookArguments arguments = new HookArguments();
        arguments.client = client == null ? null : client.name();
        arguments.failOn = failOn;
        arguments.maxFindings = maxFindings;
        arguments.loopLimit = loopLimit;
        arguments.timeoutSeconds = timeoutSeconds;
        arguments.cacheDir = cacheDir;
        arguments.noServer = noServer;
        if (status || stop) {
            HookDaemon daemon = new HookDaemon(arguments.cacheDirectory());
            spec.commandLine().getOut().println((stop ? daemon.stop() : daemon.status()).orElse("no hook server running"));
            return ExitCodes.OK;
        }
        Optional<String> problem = arguments.problem();
        if (problem.isPresent()) {
            throw new ParameterException(spec.commandLine(), problem.get());
        }
        return arguments.run(in, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
