package dev.tenet.mcp.http;

import dev.tenet.mcp.JsonRpcErrorBody;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Every HTTP error status the server sends ({@code sendError}: a wrong method, a refused Host or
 * Origin, a missing header) carries a JSON-RPC error body instead of the container's HTML page.
 */
public final class JsonRpcErrorFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper((HttpServletResponse) response) {
            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                write((HttpServletResponse) getResponse(), status, message);
            }
        });
    }

    /** Writes {@code status} with a JSON-RPC error body (see {@link JsonRpcErrorBody#forHttpStatus}). */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        byte[] body = JsonRpcErrorBody.forHttpStatus(status, message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
