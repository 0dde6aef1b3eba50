package dev.tenet.mcp.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Lets a request through only with {@code Authorization: Bearer <token>}; compares in constant time; answers 401 otherwise. */
public final class BearerTokenFilter implements Filter {
    private static final String PREFIX = "Bearer ";
    private final byte[] token;

    public BearerTokenFilter(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String header = ((HttpServletRequest) request).getHeader("Authorization");
        boolean valid = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && MessageDigest.isEqual(token, header.substring(PREFIX.length()).strip().getBytes(StandardCharsets.UTF_8));
        if (valid) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("WWW-Authenticate", "Bearer realm=\"tenet\"");
        JsonRpcErrorFilter.write(http, HttpServletResponse.SC_UNAUTHORIZED, "missing or wrong bearer token");
    }
}
