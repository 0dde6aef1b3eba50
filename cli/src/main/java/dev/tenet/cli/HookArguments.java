package dev.tenet.cli;

import dev.tenet.cli.hook.HookAnswer;
import dev.tenet.cli.hook.HookClient;
import dev.tenet.cli.hook.HookDaemon;
import dev.tenet.cli.hook.HookRequest;
import dev.tenet.rules.Severity;
import dev.tenet.rules.cache.CacheDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The options of one {@code tenet hook} event and what is done with them: read the event, have it answered,
 * print the answer. {@link HookCommand} fills them from picocli; {@link HookMain} reads the plain
 * {@code --option value} forms itself, so an event does not pay for building the command tree.
 */
final class HookArguments {
    String client;
    String failOn = "warning";
    int maxFindings = 5;
    int loopLimit = 3;
    int timeoutSeconds = 20;
    Path cacheDir;
    boolean noServer;

    /**
     * Reads the options an assistant's hook passes, in their plain forms only; empty for anything else
     * (help, a typo, a bad value), which the full command line then explains.
     */
    static Optional<HookArguments> parseSimple(String[] args) {
        HookArguments parsed = new HookArguments();
        try {
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--no-server")) {
                    parsed.noServer = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    return Optional.empty();
                }
                String value = args[++i];
                switch (name) {
                    case "--client" -> parsed.client = value;
                    case "--fail-on" -> parsed.failOn = value;
                    case "--max-findings" -> parsed.maxFindings = Integer.parseInt(value);
                    case "--loop-limit" -> parsed.loopLimit = Integer.parseInt(value);
                    case "--timeout" -> parsed.timeoutSeconds = Integer.parseInt(value);
                    case "--cache-dir" -> parsed.cacheDir = Path.of(value);
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return parsed.problem().isEmpty() ? Optional.of(parsed) : Optional.empty();
    }

    /** What is wrong with these options, or empty. */
    Optional<String> problem() {
        if (client == null) {
            return Optional.of("Missing required option: '--client=CLIENT' (claude or cursor)");
        }
        if (!client.equalsIgnoreCase("claude") && !client.equalsIgnoreCase("cursor")) {
            return Optional.of("Invalid --client '" + client + "' (expected claude or cursor)");
        }
        try {
            Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            return Optional.of("Invalid --fail-on '" + failOn + "' (expected error, warning or info)");
        }
        if (maxFindings < 1 || loopLimit < 0 || timeoutSeconds < 1) {
            return Optional.of("--max-findings and --timeout must be at least 1, --loop-limit at least 0");
        }
        return Optional.empty();
    }

    Path cacheDirectory() {
        return cacheDir != null ? cacheDir : CacheDirectory.resolve();
    }

    /** Reads the event from {@code in}, has it answered and prints the answer; returns the exit code. */
    int run(InputStream in, PrintWriter out, PrintWriter err) {
        byte[] payload;
        try {
            payload = in.readNBytes(HookDaemon.MAX_PAYLOAD_BYTES);
        } catch (IOException e) {
            payload = new byte[0];
        }
        String projectDir = System.getenv("CLAUDE_PROJECT_DIR");
        HookRequest request = new HookRequest(client.toLowerCase(Locale.ROOT), failOn.toLowerCase(Locale.ROOT), maxFindings, loopLimit,
                Path.of("").toAbsolutePath().toString(), projectDir == null ? "" : projectDir, HookRequest.currentBuild(), payload);
        HookAnswer answer = new HookClient(cacheDirectory(), !noServer, Duration.ofSeconds(timeoutSeconds)).respond(request);
        if (!answer.stdout().isEmpty()) {
            out.println(answer.stdout());
        }
        if (!answer.stderr().isEmpty()) {
            err.print(answer.stderr());
        }
        out.flush();
        err.flush();
        return answer.exitCode();
    }
}
