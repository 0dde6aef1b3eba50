package dev.tenet.mcp.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionWorkspacesTests {
    @TempDir
    Path temp;

    @Test
    void resolvesASessionOnceAndRemembersIt() {
        SessionWorkspaces sessions = new SessionWorkspaces(10);
        AtomicInteger asked = new AtomicInteger();
        Workspace workspace = Workspace.of(temp);

        Optional<Workspace> first = sessions.get("a", () -> {
            asked.incrementAndGet();
            return Optional.of(workspace);
        });
        Optional<Workspace> again = sessions.get("a", () -> {
            asked.incrementAndGet();
            return Optional.empty();
        });

        assertThat(first).contains(workspace);
        assertThat(again).contains(workspace);
        assertThat(asked).hasValue(1);
    }

    @Test
    void rootsReportedWhileTheClientWasAskedWinOverItsAnswer() throws Exception {
        SessionWorkspaces sessions = new SessionWorkspaces(10);
        Workspace asked = Workspace.of(java.nio.file.Files.createDirectories(temp.resolve("asked")));
        Workspace changed = Workspace.of(java.nio.file.Files.createDirectories(temp.resolve("changed")));

        Optional<Workspace> first = sessions.get("a", () -> {
            sessions.put("a", Optional.of(changed)); // the roots/list_changed notification arrives mid-request
            return Optional.of(asked);
        });

        assertThat(first).contains(changed);
        assertThat(sessions.get("a", Optional::empty)).contains(changed);
    }

    @Test
    void forgetsTheLeastRecentlyUsedSessionPastItsLimit() {
        SessionWorkspaces sessions = new SessionWorkspaces(2);
        AtomicInteger asked = new AtomicInteger();
        for (String session : new String[] {"a", "b", "a", "c", "a"}) {
            sessions.get(session, () -> {
                asked.incrementAndGet();
                return Optional.empty();
            });
        }

        assertThat(sessions.size()).isEqualTo(2);
        assertThat(asked).as("a, b and c asked once each; a stayed in use, so b was the one forgotten").hasValue(3);
        sessions.get("b", () -> {
            asked.incrementAndGet();
            return Optional.empty();
        });
        assertThat(asked).hasValue(4);
    }
}
