package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.model.SiteVisibility;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.SiteService;
import io.javalin.config.RoutesConfig;

/** /v1/orgs/{orgId}/sites: sites and the spaces they publish; their permissions are in {@link PermissionRoutes}. */
final class SiteRoutes {
    private final SiteService sites;
    private final SiteShapes shapes;
    private final Http http;

    SiteRoutes(SiteService sites, SiteShapes shapes, Http http) {
        this.sites = sites;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs/{orgId}/sites", ctx -> {
            String space = ctx.queryParam("space");
            java.util.List<String> types = new java.util.ArrayList<>();
            for (String t : ctx.queryParams("type")) {
                types.addAll(java.util.List.of(t.split(",")));
            }
            for (String t : types) {
                if (!java.util.List.of("basic", "premium", "ultimate", "sponsored", "legacy-basic", "legacy-premium")
                        .contains(t)) {
                    throw ApiException.badRequest("'type' must be one of basic, premium, ultimate, sponsored, "
                            + "legacy-basic, legacy-premium; got '" + t + "'");
                }
            }
            if (!types.isEmpty() && !types.contains(SiteShapes.SITE_TYPE)) {
                http.list(ctx, new dev.gatehouse.service.Slice<SiteService.SiteView>(java.util.List.of(), null),
                        shapes::writeSite);
                return;
            }
            http.list(ctx, sites.list(Http.caller(ctx), Http.id(ctx, "orgId"), ctx.queryParam("title"),
                    Http.boolParam(ctx, "published"), space, http.after(ctx), Http.limit(ctx)), shapes::writeSite);
        });
        r.post("/v1/orgs/{orgId}/sites", ctx -> {
            Body b = Body.parseOptional(ctx.bodyAsBytes());
            var w = sites.create(Http.caller(ctx), Http.id(ctx, "orgId"), b.string("title"), visibility(b),
                    b.strings("spaces"));
            Http.revision(ctx, w);
            Http.created(ctx, shapes.location(w.value().site()), shapes::writeSite, w.value());
        });
        r.get("/v1/orgs/{orgId}/sites/{siteId}", ctx -> Http.json(ctx, 200, shapes::writeSite,
                sites.get(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "siteId"))));
        r.patch("/v1/orgs/{orgId}/sites/{siteId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            var w = sites.update(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "siteId"), b.string("title"),
                    visibility(b), b.defaultLevel("defaultLevel"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writeSite, w.value());
        });
        r.delete("/v1/orgs/{orgId}/sites/{siteId}", ctx -> Http.deleted(ctx,
                sites.delete(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "siteId"))));

        r.get("/v1/orgs/{orgId}/sites/{siteId}/site-spaces", ctx -> http.list(ctx, sites.siteSpaces(Http.caller(ctx),
                Http.id(ctx, "orgId"), Http.id(ctx, "siteId"), Http.boolParam(ctx, "default"), http.after(ctx),
                Http.limit(ctx)), shapes::writeSiteSpace));
        r.post("/v1/orgs/{orgId}/sites/{siteId}/site-spaces", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            String spaceId = b.nullableString("spaceId");
            if (spaceId != null && !dev.gatehouse.model.Ids.isValid(spaceId)) {
                throw ApiException.badRequest("'spaceId' must be a space id");
            }
            var w = sites.addSpace(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "siteId"), spaceId);
            Http.revision(ctx, w);
            if ("return=minimal".equals(ctx.header("Prefer"))) {
                ctx.header("Preference-Applied", "return=minimal");
                ctx.status(204);
                return;
            }
            Http.created(ctx, shapes.location(w.value().siteSpace(), Http.id(ctx, "orgId")), shapes::writeSiteSpace,
                    w.value());
        });
        r.delete("/v1/orgs/{orgId}/sites/{siteId}/site-spaces/{siteSpaceId}", ctx -> Http.deleted(ctx,
                sites.removeSpace(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "siteId"),
                        Http.id(ctx, "siteSpaceId"))));
    }

    private static SiteVisibility visibility(Body b) {
        JsonNode v = b.raw("visibility");
        if (v == null) {
            return null;
        }
        try {
            return SiteVisibility.parse(v.isTextual() ? v.asText() : String.valueOf(v));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'visibility': " + e.getMessage());
        }
    }
}
