package dev.tenet.mcp.workspace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The workspace each session's roots chose, for the sessions used most recently. A long-running HTTP server sees
 * sessions come and go without always hearing that they ended, so the oldest are forgotten past a limit; a
 * forgotten session that comes back only asks the client for its roots again.
 */
final class SessionWorkspaces {
    private final Map<String, Optional<Workspace>> bySession;

    SessionWorkspaces(int limit) {
        this.bySession = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<Workspace>> eldest) {
                return size() > limit;
            }
        };
    }

    /**
     * The session's workspace, resolving it with {@code resolve} the first time (outside the lock: resolving asks
     * the client, and other sessions must not wait for that answer). Empty when the session's roots name none.
     */
    Optional<Workspace> get(String session, Supplier<Optional<Workspace>> resolve) {
        synchronized (bySession) {
            Optional<Workspace> known = bySession.get(session);
            if (known != null) {
                return known;
            }
        }
        Optional<Workspace> resolved = resolve.get();
        synchronized (bySession) {
            // Roots reported while the client was being asked are newer than its answer: they win.
            Optional<Workspace> meanwhile = bySession.putIfAbsent(session, resolved);
            return meanwhile != null ? meanwhile : resolved;
        }
    }

    void put(String session, Optional<Workspace> workspace) {
        synchronized (bySession) {
            bySession.put(session, workspace);
        }
    }

    int size() {
        synchronized (bySession) {
            return bySession.size();
        }
    }
}
