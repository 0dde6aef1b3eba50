package dev.tenet.service.mcp;

import dev.tenet.mcp.Json;
import dev.tenet.mcp.TenetMcpServer;
import dev.tenet.mcp.http.BearerTokenFilter;
import dev.tenet.mcp.http.JsonRpcErrorFilter;
import dev.tenet.mcp.http.McpHttpServer;
import dev.tenet.mcp.workspace.WorkspaceResolver;
import dev.tenet.service.ServeSettings;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The MCP endpoint at {@code /mcp}: the SDK's Streamable HTTP servlet with mcp-server's Host/Origin, bearer-token and error handling. */
@Configuration(proxyBeanMethods = false)
public class McpEndpointConfiguration {

    @Bean
    PortAwareSecurityValidator mcpSecurityValidator(ServeSettings settings) {
        return new PortAwareSecurityValidator(settings.http());
    }

    @Bean
    HttpServletStreamableServerTransportProvider mcpTransport(PortAwareSecurityValidator validator) {
        return HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(Json.MCP)
                .mcpEndpoint(McpHttpServer.PATH)
                .httpHeaderValidator(validator)
                .build();
    }

    @Bean(destroyMethod = "closeGracefully")
    McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, ServeSettings settings) {
        McpServer.StreamableSyncSpecification spec = McpServer.sync(transport);
        new TenetMcpServer(new WorkspaceResolver(settings.workspace(), true), settings.cache()).configure(spec);
        return spec.build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(HttpServletStreamableServerTransportProvider transport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> servlet = new ServletRegistrationBean<>(transport, McpHttpServer.PATH);
        servlet.setName("mcp");
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        return servlet;
    }

    @Bean
    FilterRegistrationBean<JsonRpcErrorFilter> mcpErrorFilter() {
        FilterRegistrationBean<JsonRpcErrorFilter> filter = new FilterRegistrationBean<>(new JsonRpcErrorFilter());
        filter.setUrlPatterns(List.of(McpHttpServer.PATH));
        filter.setAsyncSupported(true);
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return filter;
    }

    /** Off loopback the MCP endpoint needs the bearer token; the webhook has its signature and the probes stay open. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> mcpBearerTokenFilter(ServeSettings settings) {
        FilterRegistrationBean<BearerTokenFilter> filter = new FilterRegistrationBean<>(
                new BearerTokenFilter(settings.http().token().orElse("unused-when-disabled")));
        filter.setUrlPatterns(List.of(McpHttpServer.PATH));
        filter.setAsyncSupported(true);
        filter.setEnabled(settings.http().token().isPresent());
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return filter;
    }
}
