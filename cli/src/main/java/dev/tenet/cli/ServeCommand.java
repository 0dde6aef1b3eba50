package dev.tenet.cli;

import dev.tenet.mcp.http.HttpOptions;
import dev.tenet.mcp.http.McpHttpServer;
import dev.tenet.service.GitHubAppSettings;
import dev.tenet.service.ServeSettings;
import dev.tenet.review.feedback.RatingStore;
import dev.tenet.service.ServiceStartException;
import dev.tenet.service.TenetServer;
import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.mcp.workspace.WorkspaceException;
import dev.tenet.rules.TenetInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tenet serve}: the long-running team server, one Spring Boot application: MCP over Streamable HTTP at {@code /mcp},
 * the GitHub App webhook at {@code /webhooks/github} (when an App is configured), Actuator health and Prometheus metrics.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve MCP over Streamable HTTP at http://HOST:PORT/mcp for a team (runs until stopped).",
            "Binds 127.0.0.1 by default. Any other address needs a bearer token in $TENET_MCP_TOKEN;",
            "clients then send 'Authorization: Bearer <token>'. Host and Origin headers are checked.",
            "With a GitHub App (--app-id or $TENET_GITHUB_APP_ID, its key, and $TENET_GITHUB_WEBHOOK_SECRET) it also reviews",
            "pull requests from GitHub's webhook at /webhooks/github. Health: /actuator/health; metrics: /actuator/prometheus."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Stopped.", ExitCodes.USAGE_TEXT, ExitCodes.INTERNAL_TEXT})
final class ServeCommand implements Callable<Integer> {
    static final String TOKEN_VARIABLE = "TENET_MCP_TOKEN";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8765", description = "Port. Default: ${DEFAULT-VALUE} (0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = HttpOptions.DEFAULT_BIND,
            description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String bind;

    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".",
            description = "The workspace the tools work in; client roots are honoured only inside it. Default: the current directory.")
    Path workspace;

    @Option(names = "--allowed-host", paramLabel = "HOST:PORT", description = "Also accept this Host header (the name clients use). Repeatable.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--allowed-origin", paramLabel = "ORIGIN", description = "Also accept this browser Origin. Repeatable.")
    List<String> allowedOrigins = new ArrayList<>();

    @Mixin
    CacheOptions cacheOptions;

    @Mixin
    WebhookOptions webhookOptions;

    @Mixin
    RatingsOptions ratingsOptions;

    @Override
    public Integer call() throws Exception {
        requireServeLibraries();
        ServeSettings settings;
        try {
            HttpOptions options = new HttpOptions(bind, port, Optional.ofNullable(System.getenv(TOKEN_VARIABLE)), allowedHosts, allowedOrigins);
            Optional<GitHubAppSettings> github = webhookOptions.settings(System.getenv());
            Optional<RatingStore> ratings = github.map(app -> ratingsOptions.open(cacheOptions.cacheDir));
            settings = new ServeSettings(options, Workspace.of(workspace), cacheOptions.scanCache(), github, ratings);
        } catch (IllegalArgumentException | WorkspaceException e) {
            throw new TenetInputException(e.getMessage());
        }
        TenetServer server;
        try {
            server = TenetServer.start(settings);
        } catch (ServiceStartException e) {
            throw new TenetInputException(e.getMessage());
        }
        try (server) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("tenet: serving MCP at http://%s:%d%s (workspace %s)%n",
                    bind.contains(":") ? "[" + bind + "]" : bind, server.port(), McpHttpServer.PATH, settings.workspace().root());
            settings.github().ifPresent(app -> err.printf("tenet: reviewing pull requests as GitHub App %s from the webhook at /webhooks/github%n",
                    app.appId()));
            err.flush();
            server.join();
        }
        return ExitCodes.OK;
    }

    /** Spring Boot and the rest of serve's libraries ship in tenet-serve.jar, which only the launcher's {@code serve} adds. */
    private static void requireServeLibraries() {
        try {
            Class.forName("org.springframework.boot.SpringApplication", false, ServeCommand.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new TenetInputException("tenet serve needs tenet-serve.jar (next to tenet.jar) on the class path: start it with "
                    + "bin/tenet serve, or java -cp tenet.jar:tenet-serve.jar " + TenetCommand.class.getName() + " serve");
        }
    }
}
