package dev.tenet.mcp.http;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@code tenet serve} listens.
 *
 * @param bind           the address to bind ({@code 127.0.0.1} by default)
 * @param port           the port ({@code 0} picks a free one)
 * @param token          the bearer token clients must send; required unless bound to a loopback address
 * @param allowedHosts   extra {@code Host} header values accepted (e.g. {@code mcp.team.internal:8765}); loopback names are always accepted
 * @param allowedOrigins extra browser {@code Origin}s accepted; requests without an Origin (non-browser clients) pass
 */
public record HttpOptions(String bind, int port, Optional<String> token, List<String> allowedHosts, List<String> allowedOrigins) {
    public static final String DEFAULT_BIND = "127.0.0.1";

    public HttpOptions {
        allowedHosts = List.copyOf(allowedHosts);
        allowedOrigins = List.copyOf(allowedOrigins);
        token = token.filter(t -> !t.isBlank());
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (token.isEmpty() && !isLoopback(bind)) {
            throw new IllegalArgumentException("binding to " + bind + " exposes the server beyond this machine: "
                    + "set a bearer token (TENET_MCP_TOKEN) or bind to 127.0.0.1");
        }
        if (token.isPresent() && token.get().length() < 16) {
            throw new IllegalArgumentException("the bearer token is too short: use at least 16 random characters");
        }
    }

    public static HttpOptions loopback(int port) {
        return new HttpOptions(DEFAULT_BIND, port, Optional.empty(), List.of(), List.of());
    }

    public static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the bind address '" + address + "'");
        }
    }

    /** The Host and Origin checks (DNS-rebinding protection) for a server listening on {@code port}. */
    public DefaultServerTransportSecurityValidator securityValidator(int port) {
        List<String> hosts = new ArrayList<>(List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port));
        List<String> origins = new ArrayList<>(List.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port));
        if (!isLoopback(bind) && !bind.equals("0.0.0.0") && !bind.equals("::")) {
            hosts.add(bind + ":" + port);
        }
        hosts.addAll(allowedHosts);
        origins.addAll(allowedOrigins);
        return DefaultServerTransportSecurityValidator.builder().allowedHosts(hosts).allowedOrigins(origins).build();
    }
}
