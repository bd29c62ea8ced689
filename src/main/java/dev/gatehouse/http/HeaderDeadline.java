package dev.gatehouse.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deadline on a request's line and headers. Jetty has none: its idle timeout restarts with every byte,
 * so a client sending its headers a byte a second kept a connection for hours. Once a second this looks at
 * every connection whose parser is inside a request line or headers, and answers 408 (then closes) those
 * that have been there, for the same request, longer than {@link HttpLimits#headerTimeout}.
 *
 * <p>It reads the parser state of Jetty's HTTP/1.1 connection ({@code internal} in Jetty, so checked by
 * this class's test on every upgrade); a connection in that state is writing nothing, so the answer cannot
 * interleave with another.
 */
final class HeaderDeadline extends AbstractLifeCycle {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);
    private static final long SWEEP_MS = 500;

    private final Server server;
    private final long timeoutNanos;
    private final LongSupplier revision;
    /** Per connection in headers: which request (its count of requests received) and since when. */
    private final Map<EndPoint, long[]> inHeaders = new ConcurrentHashMap<>();
    private volatile Scheduler.Task next;

    HeaderDeadline(Server server, HttpLimits limits, LongSupplier revision) {
        this.server = server;
        this.timeoutNanos = limits.headerTimeout().toNanos();
        this.revision = revision;
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task t = next;
        if (t != null) {
            t.cancel();
        }
        inHeaders.clear();
    }

    private void schedule() {
        if (isRunning() || isStarting()) {
            next = server.getScheduler().schedule(this::sweep, SWEEP_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            Set<EndPoint> seen = new java.util.HashSet<>();
            for (Connector c : server.getConnectors()) {
                if (!(c instanceof AbstractConnector connector)) {
                    continue;
                }
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    if (endPoint.getConnection() instanceof HttpConnection http && inRequestHead(http)) {
                        seen.add(endPoint);
                        long[] since = inHeaders.compute(endPoint, (e, old) ->
                                old != null && old[0] == http.getMessagesIn() ? old : new long[] {http.getMessagesIn(), now});
                        if (now - since[1] > timeoutNanos) {
                            inHeaders.remove(endPoint);
                            answerAndClose(endPoint);
                        }
                    }
                }
            }
            inHeaders.keySet().retainAll(seen);
        } finally {
            schedule();
        }
    }

    /** Inside a request's line or headers: past the first byte, short of the body. */
    private static boolean inRequestHead(HttpConnection http) {
        var parser = http.getParser();
        return parser.inHeaderState() && !parser.isStart() && !parser.isClose() && !parser.isClosed();
    }

    private void answerAndClose(EndPoint endPoint) {
        // Debug only: a client trickling headers on purpose would otherwise write the log for us.
        LOG.debug("answered 408 to {}: its request head took longer than {} ms", endPoint.getRemoteSocketAddress(),
                TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        byte[] body = JsonErrorHandler.body(408, "the request line and headers did not arrive within "
                + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms; send them whole, promptly");
        String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + Http.REVISION_HEADER + ": " + revision.getAsLong() + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        ByteBuffer bytes = ByteBuffer.allocate(head.length() + body.length);
        bytes.put(head.getBytes(StandardCharsets.US_ASCII)).put(body).flip();
        endPoint.write(Callback.from(endPoint::close, failure -> endPoint.close()), bytes);
    }
}
