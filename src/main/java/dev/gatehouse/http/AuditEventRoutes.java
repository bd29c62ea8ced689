package dev.gatehouse.http;

import dev.gatehouse.model.AuditQuery;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.AuditEventService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * GitBook's audit events over the audit log: the list (newest first, GitBook's filters and paging), one event,
 * and the actions. The audit log's own endpoint ({@link AuditRoutes}) stays, for consumers that resume from a
 * position.
 */
final class AuditEventRoutes {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private final AuditEventService events;
    private final AuditEventShapes shapes;
    private final Http http;

    AuditEventRoutes(AuditEventService events, AuditEventShapes shapes, Http http) {
        this.events = events;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs/{orgId}/audit-events", ctx -> {
            String org = Http.id(ctx, "orgId");
            AuditQuery q = new AuditQuery(Rfc3339.param("from", ctx.queryParam("from")),
                    Rfc3339.param("to", ctx.queryParam("to")), ctx.queryParam("action"), ctx.queryParam("actor"),
                    ctx.queryParam("target"));
            int limit = limit(ctx);
            http.list(ctx, events.list(Http.caller(ctx), org, q, http.after(ctx), limit), shapes::writeEvent);
        });
        r.get("/v1/orgs/{orgId}/audit-events/{auditEventId}", ctx -> {
            String org = Http.id(ctx, "orgId");
            Http.json(ctx, 200, shapes::writeDetails, events.get(Http.caller(ctx), org, ctx.pathParam("auditEventId")));
        });
        r.get("/v1/orgs/{orgId}/audit-event-actions", ctx -> Http.json(ctx, 200, shapes::writeActions,
                events.actions(Http.caller(ctx), Http.id(ctx, "orgId"))));
    }

    /** GitBook's {@code limit} of audit events: 1 to 100, 20 when absent. */
    private static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null) {
            return AuditEventService.DEFAULT_LIMIT;
        }
        if (!DIGITS.matcher(v).matches() || Integer.parseInt(v) < 1 || Integer.parseInt(v) > AuditEventService.MAX_LIMIT) {
            throw ApiException.badRequest("'limit' must be a whole number from 1 to " + AuditEventService.MAX_LIMIT
                    + "; got '" + v + "'");
        }
        return Integer.parseInt(v);
    }
}
