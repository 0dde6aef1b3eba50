package dev.tenet.mcp.tools;

import dev.tenet.mcp.workspace.Workspace;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** One MCP tool: its metadata, and a handler that is a plain function of the workspace and the arguments. */
public interface TenetTool {

    /** @return the name, description and input/output schemas shown in {@code tools/list} */
    McpSchema.Tool definition();

    /**
     * Runs the tool. A domain failure may be thrown as {@link dev.tenet.mcp.workspace.WorkspaceException}
     * or {@link dev.tenet.rules.TenetInputException}; the server turns it into an {@code isError} result.
     *
     * @param workspace the workspace of the calling client
     * @param arguments the arguments, already validated against the input schema
     * @return the result, structured when the tool declares an output schema
     */
    McpSchema.CallToolResult call(Workspace workspace, Map<String, Object> arguments);
}
