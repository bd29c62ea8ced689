package dev.gatehouse.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;

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

    /**
     * Notes the route template that answers the request, once it is known. A request refused before its
     * handler ran (a missing token, say) has no matched endpoint yet: the router names the one it would have
     * reached. A path no route serves keeps none.
     */
    static void matched(Context ctx, InternalRouter router) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            ParsedEndpoint would = router.findFirstHttpHandlerEntry(ctx.method(), ctx.path());
            endpoint = would == null ? null : would.endpoint;
        }
        if (endpoint != null) {
            of(ctx).route = endpoint.path;
        }
    }
}
