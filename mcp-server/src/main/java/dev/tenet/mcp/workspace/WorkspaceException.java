package dev.tenet.mcp.workspace;

/** A request the workspace refuses (a path that leaves it, a file that is not there); reported to the client as a tool error. */
public final class WorkspaceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(message);
    }
}
