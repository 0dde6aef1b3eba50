package dev.tenet.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;

/**
 * {@code tenet hook} started directly by the launcher: the options an assistant's hook passes are read
 * here without building the command line (about a quarter of a second of JVM start); anything else
 * (help, status, a mistake) goes through the full {@code tenet hook} command.
 */
public final class HookMain {
    private HookMain() {
    }

    public static void main(String[] args) {
        Optional<HookArguments> simple = HookArguments.parseSimple(args);
        if (simple.isPresent()) {
            PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8));
            System.exit(simple.get().run(System.in, out, err));
        }
        CommandLine commandLine = new CommandLine(new HookCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        System.exit(commandLine.execute(args));
    }
}
