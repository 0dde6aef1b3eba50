package dev.tenet.service.mcp;

import dev.tenet.mcp.http.HttpOptions;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * mcp-server's Host and Origin checks, which name the listening port: built once the web server has bound it
 * ({@code --port 0} picks one at start-up), before any request can arrive.
 */
final class PortAwareSecurityValidator implements ServerHttpHeaderValidator, ApplicationListener<WebServerInitializedEvent> {
    private final HttpOptions options;
    private volatile ServerHttpHeaderValidator delegate;

    PortAwareSecurityValidator(HttpOptions options) {
        this.options = options;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        delegate = options.securityValidator(event.getWebServer().getPort());
    }

    @Override
    public void validate(HeaderAccessor headers) throws ServerTransportSecurityException {
        ServerHttpHeaderValidator validator = delegate;
        if (validator == null) {
            throw new ServerTransportSecurityException(503, "the server is still starting");
        }
        validator.validate(headers);
    }
}
