package dev.tenet.mcp.tools;

import dev.tenet.mcp.Json;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/** Builds tool results: structured content with its JSON text beside it, or an error the model can read. */
public final class ToolResults {
    private ToolResults() {
    }

    /** A structured result; the same JSON is also given as text for clients that ignore structured content. */
    public static McpSchema.CallToolResult structured(Map<String, Object> content) {
        return McpSchema.CallToolResult.builder()
                .structuredContent(content)
                .addTextContent(Json.write(content))
                .isError(false)
                .build();
    }

    /** A domain failure: {@code isError} with a message saying what was wrong. */
    public static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
