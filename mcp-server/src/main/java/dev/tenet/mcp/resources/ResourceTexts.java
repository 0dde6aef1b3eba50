package dev.tenet.mcp.resources;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers shared by the resources: a text result, the variable part of a URI, a not-found error. */
final class ResourceTexts {
    static final String MARKDOWN = "text/markdown";
    static final String JSON = "application/json";

    private ResourceTexts() {
    }

    static McpSchema.ReadResourceResult text(String uri, String mimeType, String text) {
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, mimeType, text)));
    }

    /** The percent-decoded rest of {@code uri} after {@code prefix} (as written when it is not valid percent-encoding). */
    static String variable(String uri, String prefix) {
        String raw = uri.substring(prefix.length());
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return raw;
        }
    }

    static McpError notFound(String uri, String what) {
        return McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message(what).data(java.util.Map.of("uri", uri)).build();
    }
}
