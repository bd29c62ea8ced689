package dev.gatehouse.http;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the requests in flight finish before a stop ({@link #drain}). The listening socket closes first, so
 * new connections are refused; {@link GracefulHandler} then answers new requests on open connections 503
 * (in the error format, through the error handler, {@code /readyz} included) and counts those in flight.
 * Every answer given while draining says {@code Connection: close}, so a keep-alive client does not send
 * another request into a connection about to close.
 *
 * <p>The drain is run here rather than by Jetty's graceful stop, which also waits for every connection to
 * close: it gives idle ones a second, cutting a request sent on one just then, and a client that keeps a
 * half-closed connection open made the stop time out and fail.
 */
final class Draining extends GracefulHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Draining.class);
    /** After the last request in flight: time for one sent just before its answer arrived to be answered too. */
    private static final long LINGER_MS = 250;

    /** Refuses new connections and requests, and returns once those in flight are answered or {@code limit} passed. */
    void drain(Duration limit) throws InterruptedException {
        try {
            shutdown().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} requests were still in flight after the drain of {} s; stopping anyway", getCurrentRequestCount(),
                    limit.toSeconds());
            return;
        } catch (ExecutionException e) {
            LOG.warn("the drain failed; stopping anyway", e.getCause());
            return;
        }
        Thread.sleep(Math.min(LINGER_MS, limit.toMillis()));
    }

    /**
     * Stops accepting before anyone is told to close: a client told so reconnects at once, and a connection
     * that reached the listening socket's backlog just before it closed would be reset, unanswered.
     */
    @Override
    public CompletableFuture<Void> shutdown() {
        for (Connector c : getServer().getConnectors()) {
            if (c instanceof NetworkConnector listening) {
                listening.close();
            }
        }
        return super.shutdown();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, new ClosingWhenDraining(response), callback);
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
