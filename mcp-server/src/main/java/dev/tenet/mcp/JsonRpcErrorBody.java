package dev.tenet.mcp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the HTTP transport answers outside any JSON-RPC exchange (a body that is not JSON, an
 * unknown session, a refused header) as a JSON-RPC error response with {@code "id": null}, never
 * as a serialised Java exception. The SDK writes such an {@link McpError} with the server's JSON
 * mapper, so the mapper carries this serialiser.
 */
public final class JsonRpcErrorBody extends StdSerializer<McpError> {

    JsonRpcErrorBody() {
        super(McpError.class);
    }

    /** The JSON-RPC error response for {@code code} and {@code message}. */
    public static Map<String, Object> of(int code, String message, Object data) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", firstLine(message));
        if (data != null) {
            error.put("data", data);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", McpSchema.JSONRPC_VERSION);
        body.put("id", null);
        body.put("error", error);
        return body;
    }

    /**
     * The bytes of the JSON-RPC error for an HTTP error status: -32600 (invalid request) for a 4xx,
     * -32603 (internal error) otherwise, the message prefixed with the status.
     */
    public static byte[] forHttpStatus(int status, String message) {
        int code = status >= 400 && status < 500 ? McpSchema.ErrorCodes.INVALID_REQUEST : McpSchema.ErrorCodes.INTERNAL_ERROR;
        String text = message == null || message.isBlank() ? "HTTP " + status : "HTTP " + status + ": " + message;
        return Json.write(of(code, text, null)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void serialize(McpError value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        McpSchema.JSONRPCResponse.JSONRPCError error = value.getJsonRpcError();
        Map<String, Object> body = error == null ? of(McpSchema.ErrorCodes.INTERNAL_ERROR, String.valueOf(value.getMessage()), null)
                : of(error.code(), error.message(), error.data());
        provider.defaultSerializeValue(body, generator);
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
