package dev.gatehouse.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/**
 * What the routes learn about a request that its access-log line needs: the route template that matched and
 * who called. Created by {@link AccessLog} in front of everything, filled in by Javalin's handlers, which run
 * on the request's thread before the request completes.
 */
final class Exchange {
    static final String ATTRIBUTE = "gatehouse.exchange";

    volatile String route;
    volatile String caller;

    /** The request's exchange; a detached one when the request did not come through {@link AccessLog}. */
    static Exchange of(Context ctx) {
        return ctx.req().getAttribute(ATTRIBUTE) instanceof Exchange e ? e : new Exchange();
    }

    /** Notes the route template Javalin matched, once it is known (a 404 or a refusal before routing has none). */
    static void matched(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            of(ctx).route = endpoint.path;
        }
    }
}
