package dev.tenet.mcp.http;

import dev.tenet.mcp.Json;
import dev.tenet.mcp.TenetMcpServer;
import dev.tenet.mcp.workspace.Workspace;
import dev.tenet.mcp.workspace.WorkspaceResolver;
import dev.tenet.rules.cache.ScanCache;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Tenet's MCP server over Streamable HTTP at {@code /mcp}, on embedded Jetty, for a team-wide
 * server: DNS-rebinding protection (Host and Origin checked), and a bearer token whenever it is
 * reachable from other machines.
 */
public final class McpHttpServer implements AutoCloseable {
    public static final String PATH = "/mcp";
    private final Server jetty;
    private final McpSyncServer mcp;

    private McpHttpServer(Server jetty, McpSyncServer mcp) {
        this.jetty = jetty;
        this.mcp = mcp;
    }

    /** Starts listening; returns once the port is bound. */
    public static McpHttpServer start(HttpOptions options, Workspace workspace, ScanCache cache) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(options.bind());
        connector.setPort(options.port());
        jetty.addConnector(connector);
        jetty.setStopAtShutdown(true);
        jetty.setErrorHandler(new JsonRpcErrorHandler());

        // The security validator needs the real port, so Jetty binds first and the servlet is added before it starts serving.
        connector.open();
        int port = connector.getLocalPort();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(Json.MCP)
                .mcpEndpoint(PATH)
                .httpHeaderValidator(validator(options, port))
                .build();
        McpServer.StreamableSyncSpecification spec = McpServer.sync(transport);
        new TenetMcpServer(new WorkspaceResolver(workspace, true), cache).configure(spec);
        McpSyncServer mcp = spec.build();

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder("mcp", transport);
        holder.setAsyncSupported(true);
        context.addServlet(holder, PATH);
        context.addServlet(new ServletHolder("not-found", new NotFoundServlet()), "/");
        FilterHolder errors = new FilterHolder(new JsonRpcErrorFilter());
        errors.setAsyncSupported(true);
        context.addFilter(errors, "/*", EnumSet.of(DispatcherType.REQUEST));
        options.token().ifPresent(token -> {
            FilterHolder filter = new FilterHolder(new BearerTokenFilter(token));
            filter.setAsyncSupported(true);
            context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        });
        jetty.setHandler(context);
        jetty.start();
        return new McpHttpServer(jetty, mcp);
    }

    /** The bound port. */
    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        mcp.closeGracefully();
        jetty.stop();
    }

    static DefaultServerTransportSecurityValidator validator(HttpOptions options, int port) {
        return options.securityValidator(port);
    }
}
