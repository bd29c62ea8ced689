package dev.gatehouse.http;

import dev.gatehouse.service.ShareLinkService;
import io.javalin.config.RoutesConfig;

/** GitBook's site share links: {@code /v1/orgs/{org}/sites/{site}/share-links}. */
final class ShareLinkRoutes {
    private static final String BASE = "/v1/orgs/{orgId}/sites/{siteId}/share-links";

    private final ShareLinkService links;
    private final ShareLinkShapes shapes;
    private final Http http;

    ShareLinkRoutes(ShareLinkService links, ShareLinkShapes shapes, Http http) {
        this.links = links;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get(BASE, ctx -> {
            String org = Http.id(ctx, "orgId");
            http.list(ctx, links.list(Http.caller(ctx), org, Http.id(ctx, "siteId"), ctx.queryParam("search"),
                    http.after(ctx), Http.limit(ctx)), (json, v) -> shapes.writeShareLink(json, org, v));
        });
        r.post(BASE, ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            String org = Http.id(ctx, "orgId");
            var w = links.create(Http.caller(ctx), org, Http.id(ctx, "siteId"), b.string("name"));
            Http.revision(ctx, w);
            Http.created(ctx, shapes.location(org, w.value().link()), (json, v) -> shapes.writeShareLink(json, org, v),
                    w.value());
        });
        r.patch(BASE + "/{shareLinkId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            String org = Http.id(ctx, "orgId");
            var w = links.update(Http.caller(ctx), org, Http.id(ctx, "siteId"), Http.id(ctx, "shareLinkId"),
                    b.string("name"), b.bool("active"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, (json, v) -> shapes.writeShareLink(json, org, v), w.value());
        });
        r.delete(BASE + "/{shareLinkId}", ctx -> Http.deleted(ctx, links.delete(Http.caller(ctx), Http.id(ctx, "orgId"),
                Http.id(ctx, "siteId"), Http.id(ctx, "shareLinkId"))));
    }
}
