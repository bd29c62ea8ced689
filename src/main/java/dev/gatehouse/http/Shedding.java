package dev.gatehouse.http;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Caps the requests in the routes at once ({@link HttpLimits#maxRequests}) and answers the excess 503 at
 * once, with Retry-After: queueing them would only make every client wait, and a request that waits for
 * a revision or the store holds its thread meanwhile. The health probes are never shed: they are cheap,
 * and a prober that sees them fail under load would restart a server that is merely busy.
 */
final class Shedding extends Handler.Wrapper {
    private static final Set<String> PROBES = Set.of("/healthz", "/readyz");

    private final JsonErrorHandler errors;
    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    Shedding(JsonErrorHandler errors, int max) {
        this.errors = errors;
        this.max = max;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (PROBES.contains(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            errors.send(response, 503, "too many requests are in progress", callback);
            return true;
        }
        Callback release = new Callback() {
            @Override
            public void succeeded() {
                inFlight.decrementAndGet();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                inFlight.decrementAndGet();
                callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
        try {
            if (super.handle(request, response, release)) {
                return true;
            }
        } catch (Throwable t) {
            inFlight.decrementAndGet();
            throw t;
        }
        inFlight.decrementAndGet();
        return false;
    }
}
