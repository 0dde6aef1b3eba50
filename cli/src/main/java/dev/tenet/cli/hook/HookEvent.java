package dev.tenet.cli.hook;

import java.nio.file.Path;
import java.util.List;

/** A hook event reduced to what Tenet acts on. */
sealed interface HookEvent {
    /**
     * An agent wrote a file (Claude Code {@code PostToolUse} of Write, Edit or MultiEdit; Cursor {@code afterFileEdit}).
     *
     * @param file         the edited file, absolute
     * @param workspaces   the folders the assistant works in; a file outside all of them is not checked
     * @param conversation Cursor's conversation id (null for Claude Code, which is answered at once)
     */
    record FileEdited(Path file, List<Path> workspaces, String conversation) implements HookEvent {
    }

    /**
     * Cursor's agent loop ended.
     *
     * @param conversation the conversation whose edited files are now checked
     * @param status       {@code completed}, {@code aborted} or {@code error}
     * @param loopCount    how many follow-ups in a row this conversation has already been given
     * @param workspaces   the workspace roots
     */
    record Stopped(String conversation, String status, int loopCount, List<Path> workspaces) implements HookEvent {
    }

    /**
     * An event Tenet has nothing to do with (another tool, another event).
     *
     * @param unknown true when the event itself is not one Tenet knows (worth a line in the log)
     * @param what    what it was, for the log
     */
    record Ignored(boolean unknown, String what) implements HookEvent {
    }
}
