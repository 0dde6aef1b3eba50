package dev.tenet.mcp.http;

import dev.tenet.mcp.JsonRpcErrorBody;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers itself, before any servlet runs (a request line or header it cannot
 * parse), with a JSON-RPC error body like every other error of the server, instead of an HTML page.
 */
final class JsonRpcErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(JsonRpcErrorBody.forHttpStatus(code, message)), callback);
    }
}
