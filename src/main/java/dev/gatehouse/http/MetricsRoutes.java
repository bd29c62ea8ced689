package dev.gatehouse.http;

import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.Metrics;
import dev.gatehouse.service.UserService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@code GET /metrics}: the services' meters in Prometheus' text format, to whom {@link MetricsAccess} allows. */
final class MetricsRoutes {
    static final String PATH = "/metrics";
    /** The content type of Prometheus' text format, version 0.0.4, which Micrometer's scrape writes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Metrics metrics;
    private final UserService users;
    private final MetricsAccess access;

    MetricsRoutes(Metrics metrics, UserService users, MetricsAccess access) {
        this.metrics = metrics;
        this.users = users;
        this.access = access;
    }

    void register(RoutesConfig r) {
        r.get(PATH, this::scrape);
    }

    private void scrape(Context ctx) throws UnknownHostException {
        if (access == MetricsAccess.OFF) {
            throw ApiException.notFound("the metrics are off on this server (--metrics off)");
        }
        if (access == MetricsAccess.TOKEN || access == MetricsAccess.LOOPBACK && !loopback(ctx)) {
            String auth = ctx.header("Authorization");
            String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7) : null;
            Caller caller = users.authenticate(token);
            Exchange.of(ctx).caller = caller.system() ? Caller.SYSTEM_ACTOR : caller.userId();
            if (!caller.system()) {
                throw ApiException.forbidden("the metrics need the system token");
            }
        }
        ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
    }

    private static boolean loopback(Context ctx) throws UnknownHostException {
        // The connection's own address: a header a proxy adds could be sent by anyone.
        return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
    }
}
