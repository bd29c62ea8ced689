package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.model.Visibility;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.ContentService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Collections and spaces. */
final class ContentRoutes {
    private final ContentService content;
    private final Shapes shapes;
    private final Http http;

    ContentRoutes(ContentService content, Shapes shapes, Http http) {
        this.content = content;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs/{orgId}/collections", ctx -> {
            Boolean nested = Http.boolParam(ctx, "nested");
            http.list(ctx, content.collections(Http.caller(ctx), Http.id(ctx, "orgId"), nested == null || nested,
                    http.after(ctx), Http.limit(ctx)), s -> shapes.collection(s.value(), s.role()));
        });
        r.post("/v1/orgs/{orgId}/collections", ctx -> {
            Body b = Body.parseOptional(ctx.bodyAsBytes());
            var w = content.createCollection(Http.caller(ctx), Http.id(ctx, "orgId"), b.string("title"),
                    b.string("description"), parent(b), b.defaultLevel("defaultLevel"));
            Http.revision(ctx, w);
            Http.created(ctx, shapes.collection(w.value().value(), w.value().role()));
        });
        r.get("/v1/collections/{collectionId}", ctx -> {
            var s = content.collection(Http.caller(ctx), Http.id(ctx, "collectionId"));
            Http.json(ctx, 200, shapes.collection(s.value(), s.role()));
        });
        r.patch("/v1/collections/{collectionId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            var w = content.updateCollection(Http.caller(ctx), Http.id(ctx, "collectionId"), b.string("title"),
                    b.nullableString("description"), b.has("description"), b.defaultLevel("defaultLevel"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes.collection(w.value().value(), w.value().role()));
        });
        r.delete("/v1/collections/{collectionId}", ctx -> Http.deleted(ctx,
                content.deleteCollection(Http.caller(ctx), Http.id(ctx, "collectionId"))));
        r.post("/v1/collections/{collectionId}/move", ctx -> {
            var w = content.moveCollection(Http.caller(ctx), Http.id(ctx, "collectionId"), moveTarget(ctx));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes.collection(w.value().value(), w.value().role()));
        });
        r.get("/v1/collections/{collectionId}/spaces", ctx -> http.list(ctx, content.spacesInCollection(
                Http.caller(ctx), Http.id(ctx, "collectionId"), http.after(ctx), Http.limit(ctx)),
                (g, s) -> shapes.writeSpace(g, s.value(), s.role())));

        r.get("/v1/orgs/{orgId}/spaces", ctx -> http.list(ctx, content.spaces(Http.caller(ctx),
                Http.id(ctx, "orgId"), http.after(ctx), Http.limit(ctx)),
                (g, s) -> shapes.writeSpace(g, s.value(), s.role())));
        r.post("/v1/orgs/{orgId}/spaces", ctx -> {
            Body b = Body.parseOptional(ctx.bodyAsBytes());
            var w = content.createSpace(Http.caller(ctx), Http.id(ctx, "orgId"), b.string("title"), b.string("emoji"),
                    parent(b), visibility(b), b.defaultLevel("defaultLevel"));
            Http.revision(ctx, w);
            Http.created(ctx, shapes.space(w.value().value(), w.value().role()));
        });
        r.get("/v1/spaces/{spaceId}", ctx -> {
            var s = content.space(Http.caller(ctx), Http.id(ctx, "spaceId"));
            Http.json(ctx, 200, shapes.space(s.value(), s.role()));
        });
        r.patch("/v1/spaces/{spaceId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            var w = content.updateSpace(Http.caller(ctx), Http.id(ctx, "spaceId"), b.string("title"),
                    b.nullableString("emoji"), b.has("emoji"), visibility(b), b.defaultLevel("defaultLevel"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes.space(w.value().value(), w.value().role()));
        });
        r.delete("/v1/spaces/{spaceId}", ctx -> Http.deleted(ctx,
                content.deleteSpace(Http.caller(ctx), Http.id(ctx, "spaceId"))));
        r.post("/v1/spaces/{spaceId}/move", ctx -> {
            var w = content.moveSpace(Http.caller(ctx), Http.id(ctx, "spaceId"), moveTarget(ctx));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes.space(w.value().value(), w.value().role()));
        });
        r.post("/v1/spaces/{spaceId}/restore", ctx -> {
            var w = content.restoreSpace(Http.caller(ctx), Http.id(ctx, "spaceId"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes.space(w.value().value(), w.value().role()));
        });
    }

    private static String parent(Body b) {
        String p = b.nullableString("parent");
        if (p != null && !dev.gatehouse.model.Ids.isValid(p)) {
            throw ApiException.badRequest("'parent' must be a collection id");
        }
        return p;
    }

    /** The body of a move: {"parent": id or null}, which RequestBodies has seen it holds. */
    private static String moveTarget(Context ctx) {
        return parent(Body.parse(ctx.bodyAsBytes()));
    }

    private static Visibility visibility(Body b) {
        JsonNode v = b.raw("visibility");
        if (v == null) {
            return null;
        }
        try {
            return Visibility.parse(v.isTextual() ? v.asText() : String.valueOf(v));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'visibility': " + e.getMessage());
        }
    }
}
