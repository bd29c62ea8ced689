package dev.gatehouse.http;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A stop that lets the requests in flight finish. Jetty's graceful stop (the server's stop timeout is the
 * drain time) closes the listening socket first, so new connections are refused; {@link GracefulHandler}
 * then answers new requests on open connections 503 (in the error format, through the error handler,
 * {@code /readyz} included) and waits for those in flight. Two things are added here, both so that no
 * request is cut: every answer given while draining says {@code Connection: close}, so a keep-alive client
 * does not send another request into a connection about to close; and once nothing is in flight, the stop
 * lingers a moment, so a request sent just before that answer arrived is still answered 503.
 */
final class Draining extends GracefulHandler {
    private static final long LINGER_MS = 200;

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, new ClosingWhenDraining(response), callback);
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        return super.shutdown().thenCompose(done -> {
            CompletableFuture<Void> lingered = new CompletableFuture<>();
            CompletableFuture.delayedExecutor(LINGER_MS, TimeUnit.MILLISECONDS).execute(() -> lingered.complete(null));
            return lingered;
        });
    }

    private final class ClosingWhenDraining extends Response.Wrapper {
        ClosingWhenDraining(Response wrapped) {
            super(wrapped.getRequest(), wrapped);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (isShutdown() && !isCommitted()) {
                getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            super.write(last, content, callback);
        }
    }
}
