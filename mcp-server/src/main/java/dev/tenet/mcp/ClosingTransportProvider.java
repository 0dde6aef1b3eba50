package dev.tenet.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import reactor.core.publisher.Mono;

/**
 * Wraps a single-session transport provider (stdio) and tells when its session's transport closes,
 * whatever the reason: end of input, a read error, or a malformed message that made the SDK stop.
 */
final class ClosingTransportProvider implements McpServerTransportProvider {
    private final McpServerTransportProvider delegate;
    private final CountDownLatch closed = new CountDownLatch(1);

    ClosingTransportProvider(McpServerTransportProvider delegate) {
        this.delegate = delegate;
    }

    /** Blocks until the session's transport has closed. */
    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        delegate.setSessionFactory(transport -> factory.create(new Watched(transport)));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }

    private final class Watched implements McpServerTransport {
        private final McpServerTransport transport;

        Watched(McpServerTransport transport) {
            this.transport = transport;
        }

        @Override
        public void close() {
            transport.close();
            closed.countDown();
        }

        @Override
        public Mono<Void> closeGracefully() {
            return transport.closeGracefully().doFinally(signal -> closed.countDown());
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return transport.sendMessage(message);
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return transport.unmarshalFrom(data, typeRef);
        }

        @Override
        public List<String> protocolVersions() {
            return transport.protocolVersions();
        }
    }
}
