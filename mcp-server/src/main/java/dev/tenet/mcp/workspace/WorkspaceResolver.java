package dev.tenet.mcp.workspace;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which workspace a request works in: the client's first {@code file:} root when it declares
 * roots, else the server's own ({@code --workspace}, default the current directory). Roots are
 * asked for once per session and replaced when the client says they changed.
 */
public final class WorkspaceResolver {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceResolver.class);
    private final Workspace fallback;
    private final boolean rootsOnlyInsideFallback;
    /** Sessions whose roots are remembered; past this, the least recently used ones ask for their roots again. */
    static final int REMEMBERED_SESSIONS = 1024;
    private final SessionWorkspaces bySession = new SessionWorkspaces(REMEMBERED_SESSIONS);

    /**
     * @param fallback                the server's workspace
     * @param rootsOnlyInsideFallback when true (a shared HTTP server), a client root is used only if it lies
     *                                inside {@code fallback}, so a remote client cannot point the server elsewhere
     */
    public WorkspaceResolver(Workspace fallback, boolean rootsOnlyInsideFallback) {
        this.fallback = fallback;
        this.rootsOnlyInsideFallback = rootsOnlyInsideFallback;
    }

    /** The workspace of the exchange's session. */
    public Workspace current(McpSyncServerExchange exchange) {
        if (exchange == null || exchange.getClientCapabilities() == null || exchange.getClientCapabilities().roots() == null) {
            return fallback;
        }
        String session = exchange.sessionId() == null ? "" : exchange.sessionId();
        return bySession.get(session, () -> ask(exchange)).orElse(fallback);
    }

    /** Called when the client reports new roots. */
    public void rootsChanged(McpSyncServerExchange exchange, List<McpSchema.Root> roots) {
        String session = exchange.sessionId() == null ? "" : exchange.sessionId();
        bySession.put(session, fromRoots(roots));
    }

    private Optional<Workspace> ask(McpSyncServerExchange exchange) {
        try {
            return fromRoots(exchange.listRoots().roots());
        } catch (RuntimeException e) {
            LOG.warn("the client declared roots but did not list them ({}); using {}", e.getMessage(), fallback.root());
            return Optional.empty();
        }
    }

    private Optional<Workspace> fromRoots(List<McpSchema.Root> roots) {
        if (roots == null) {
            return Optional.empty();
        }
        for (McpSchema.Root root : roots) {
            Optional<Path> directory = directoryOf(root.uri());
            if (directory.isEmpty()) {
                continue;
            }
            Workspace workspace = Workspace.of(directory.get());
            if (rootsOnlyInsideFallback && !workspace.root().startsWith(fallback.root())) {
                LOG.warn("ignoring client root {}: outside the server's workspace {}", root.uri(), fallback.root());
                continue;
            }
            return Optional.of(workspace);
        }
        return Optional.empty();
    }

    private static Optional<Path> directoryOf(String uri) {
        try {
            URI parsed = URI.create(uri);
            if (!"file".equalsIgnoreCase(parsed.getScheme())) {
                return Optional.empty();
            }
            Path path = Path.of(parsed);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }
}
