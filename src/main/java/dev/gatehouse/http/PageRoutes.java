package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.model.Ids;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.PageService;
import io.javalin.config.RoutesConfig;

/**
 * /v1/spaces/{spaceId}/pages: pages of a space (a Gatehouse addition); their permission endpoints are in
 * {@link PermissionRoutes}.
 */
final class PageRoutes {
    private final PageService pages;
    private final PageShapes shapes;
    private final Http http;

    PageRoutes(PageService pages, PageShapes shapes, Http http) {
        this.pages = pages;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get("/v1/spaces/{spaceId}/pages", ctx -> http.list(ctx, pages.list(Http.caller(ctx), Http.id(ctx, "spaceId"),
                http.after(ctx), Http.limit(ctx)), shapes::writePage));
        r.post("/v1/spaces/{spaceId}/pages", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            var w = pages.create(Http.caller(ctx), Http.id(ctx, "spaceId"), b.requiredString("title"), parent(b),
                    b.defaultLevel("defaultLevel"), position(b));
            Http.revision(ctx, w);
            Http.created(ctx, shapes.location(w.value().page()), shapes::writePage, w.value());
        });
        r.get("/v1/spaces/{spaceId}/pages/{pageId}", ctx -> Http.json(ctx, 200, shapes::writePage,
                pages.get(Http.caller(ctx), Http.id(ctx, "spaceId"), Http.id(ctx, "pageId"))));
        r.patch("/v1/spaces/{spaceId}/pages/{pageId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            var w = pages.update(Http.caller(ctx), Http.id(ctx, "spaceId"), Http.id(ctx, "pageId"), b.string("title"),
                    b.defaultLevel("defaultLevel"), b.has("parent"), parent(b), position(b));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writePage, w.value());
        });
        r.delete("/v1/spaces/{spaceId}/pages/{pageId}", ctx -> Http.deleted(ctx,
                pages.delete(Http.caller(ctx), Http.id(ctx, "spaceId"), Http.id(ctx, "pageId"))));
    }

    private static String parent(Body b) {
        String p = b.nullableString("parent");
        if (p != null && !Ids.isValid(p)) {
            throw ApiException.badRequest("'parent' must be a page id, or null for the top of the space");
        }
        return p;
    }

    private static Long position(Body b) {
        JsonNode v = b.raw("position");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToExactIntegral() || !v.isNumber()) {
            throw ApiException.badRequest("'position' must be a whole number");
        }
        return v.asLong();
    }
}
