package dev.tenet.mcp.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Any path but the MCP endpoint: 404 with a JSON-RPC error that names the endpoint. */
final class NotFoundServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonRpcErrorFilter.write(response, HttpServletResponse.SC_NOT_FOUND,
                "no such endpoint: " + request.getRequestURI() + " (the MCP endpoint is " + McpHttpServer.PATH + ")");
    }
}
