package dev.gatehouse.http;

import dev.gatehouse.model.AccessRequest;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.service.AccessRequestService;
import dev.gatehouse.service.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * Access requests, under each resource's path as its permissions are: {@code R/access-requests} for R a
 * collection, a space, a site ({@code /v1/orgs/{org}/sites/{site}}) or a page ({@code /v1/spaces/{s}/pages/{p}}).
 */
final class AccessRequestRoutes {
    private final AccessRequestService requests;
    private final AccessRequestShapes shapes;
    private final Http http;

    AccessRequestRoutes(AccessRequestService requests, AccessRequestShapes shapes, Http http) {
        this.requests = requests;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        register(r, "/v1/collections/{collectionId}", ctx -> new AccessRequestService.Target(
                ResourceRef.collection(Http.id(ctx, "collectionId")), null));
        register(r, "/v1/spaces/{spaceId}", ctx -> new AccessRequestService.Target(
                ResourceRef.space(Http.id(ctx, "spaceId")), null));
        register(r, "/v1/orgs/{orgId}/sites/{siteId}", ctx -> new AccessRequestService.Target(
                ResourceRef.site(Http.id(ctx, "siteId")), Http.id(ctx, "orgId")));
        register(r, "/v1/spaces/{spaceId}/pages/{pageId}", ctx -> new AccessRequestService.Target(
                ResourceRef.page(Http.id(ctx, "pageId")), Http.id(ctx, "spaceId")));
    }

    private void register(RoutesConfig r, String base, Function<Context, AccessRequestService.Target> target) {
        String requests = base + "/access-requests";
        r.post(requests, ctx -> {
            AccessRequestService.Target t = target.apply(ctx);
            Body b = Body.parse(ctx.bodyAsBytes());
            var w = this.requests.request(Http.caller(ctx), t, b.requiredRole("role"), b.string("message"));
            Http.revision(ctx, w);
            var o = w.value();
            if (o.redundant()) {
                Http.json(ctx, 200, AccessRequestShapes::writeRedundant, o.permission());
                return;
            }
            String at = path(ctx);
            Json.Writer<AccessRequestService.View> shape = (json, v) -> shapes.writeRequest(json, at, v);
            if (o.created()) {
                Http.created(ctx, shapes.location(at, o.view().request()), shape, o.view());
            } else {
                Http.json(ctx, 200, shape, o.view());
            }
        });
        r.get(requests, ctx -> {
            AccessRequestService.Target t = target.apply(ctx);
            String status = ctx.queryParam("status");
            AccessRequest.Status s;
            try {
                s = status == null ? null : AccessRequest.Status.parse(status);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("'status' " + e.getMessage());
            }
            String at = path(ctx);
            http.list(ctx, this.requests.list(Http.caller(ctx), t, s, http.after(ctx), Http.limit(ctx)),
                    (json, v) -> shapes.writeRequest(json, at, v));
        });
        r.get(requests + "/{requestId}", ctx -> {
            AccessRequestService.Target t = target.apply(ctx);
            String at = path(ctx);
            Http.json(ctx, 200, (json, v) -> shapes.writeRequest(json, at, v),
                    this.requests.get(Http.caller(ctx), t, Http.id(ctx, "requestId")));
        });
        r.post(requests + "/{requestId}/approve", ctx -> {
            AccessRequestService.Target t = target.apply(ctx);
            String id = Http.id(ctx, "requestId");
            Body b = Body.parseOptional(ctx.bodyAsBytes());
            var w = this.requests.approve(Http.caller(ctx), t, id, ExpiresAt.read(b));
            Http.revision(ctx, w);
            String at = path(ctx);
            Http.json(ctx, 200, (json, v) -> shapes.writeRequest(json, at, v), w.value());
        });
        r.post(requests + "/{requestId}/deny", ctx -> {
            AccessRequestService.Target t = target.apply(ctx);
            String id = Http.id(ctx, "requestId");
            Body b = Body.parseOptional(ctx.bodyAsBytes());
            var w = this.requests.deny(Http.caller(ctx), t, id, b.string("reason"));
            Http.revision(ctx, w);
            String at = path(ctx);
            Http.json(ctx, 200, (json, v) -> shapes.writeRequest(json, at, v), w.value());
        });
    }

    /** The resource's own path: what comes before {@code /access-requests}. */
    private static String path(Context ctx) {
        String p = ctx.path();
        return p.substring(0, p.indexOf("/access-requests"));
    }
}
