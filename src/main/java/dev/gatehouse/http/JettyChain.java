package dev.gatehouse.http;

import java.util.function.LongSupplier;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * What stands between a connection and Javalin's routes, outermost first: {@link AccessLog} (the request
 * id, the access log and the request meters, so that every refusal below is logged and counted), {@link Draining} (a drain lets
 * requests in flight finish), {@link WholeBodies} (bodies arrive whole, without a thread, within a
 * deadline), {@link Shedding} (a cap on the requests in the routes). Besides, the error handler that
 * answers in the API's format, the idle timeout of connections and the deadline on request headers.
 */
final class JettyChain {
    private JettyChain() {
    }

    /** Called before Javalin attaches its handler, which it puts inside the innermost wrapper installed here. */
    static void install(Server server, HttpLimits limits, LongSupplier revision, RequestMeter meter) {
        JsonErrorHandler errors = new JsonErrorHandler(revision);
        server.setErrorHandler(errors);
        // Each insert goes outside the previous one: the last inserted is the first a request meets.
        server.insertHandler(new Shedding(errors, limits.maxRequests()));
        server.insertHandler(new WholeBodies(errors, limits));
        server.insertHandler(new Draining());
        server.insertHandler(new AccessLog(meter));
        server.addBean(new HeaderDeadline(server, limits, revision));
        // Javalin creates its connector after this runs: set the idle timeout once the connectors exist.
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                for (Connector c : server.getConnectors()) {
                    if (c instanceof AbstractConnector connector) {
                        connector.setIdleTimeout(limits.idleTimeout().toMillis());
                    }
                }
            }
        });
    }
}
