package dev.gatehouse.http;

import static dev.gatehouse.http.ContentParents.moveTarget;
import static dev.gatehouse.http.ContentParents.parent;

import dev.gatehouse.service.ContentService;
import io.javalin.config.RoutesConfig;

/** /v1/orgs/{orgId}/collections and /v1/collections/{collectionId}: collections, and the spaces in one. */
final class CollectionRoutes {
    private final ContentService content;
    private final CollectionShapes shapes;
    private final SpaceShapes spaces;
    private final Http http;

    CollectionRoutes(ContentService content, CollectionShapes shapes, SpaceShapes spaces, Http http) {
        this.content = content;
        this.shapes = shapes;
        this.spaces = spaces;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs/{orgId}/collections", ctx -> {
            Boolean nested = Http.boolParam(ctx, "nested");
            http.list(ctx, content.collections(Http.caller(ctx), Http.id(ctx, "orgId"), nested == null || nested,
                    http.after(ctx), Http.limit(ctx)), shapes::writeCollection);
        });
        r.post("/v1/orgs/{orgId}/collections", ctx -> {
            Body b = Body.parseOptional(ctx.bodyAsBytes());
            var w = content.createCollection(Http.caller(ctx), Http.id(ctx, "orgId"), b.string("title"),
                    b.string("description"), parent(b), b.defaultLevel("defaultLevel"));
            Http.revision(ctx, w);
            Http.created(ctx, shapes.location(w.value().value()), shapes::writeCollection, w.value());
        });
        r.get("/v1/collections/{collectionId}", ctx -> Http.json(ctx, 200, shapes::writeCollection,
                content.collection(Http.caller(ctx), Http.id(ctx, "collectionId"))));
        r.patch("/v1/collections/{collectionId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            var w = content.updateCollection(Http.caller(ctx), Http.id(ctx, "collectionId"), b.string("title"),
                    b.nullableString("description"), b.has("description"), b.defaultLevel("defaultLevel"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writeCollection, w.value());
        });
        r.delete("/v1/collections/{collectionId}", ctx -> Http.deleted(ctx,
                content.deleteCollection(Http.caller(ctx), Http.id(ctx, "collectionId"))));
        r.post("/v1/collections/{collectionId}/move", ctx -> {
            var w = content.moveCollection(Http.caller(ctx), Http.id(ctx, "collectionId"), moveTarget(ctx));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writeCollection, w.value());
        });
        r.get("/v1/collections/{collectionId}/spaces", ctx -> http.list(ctx, content.spacesInCollection(
                Http.caller(ctx), Http.id(ctx, "collectionId"), http.after(ctx), Http.limit(ctx)), spaces::writeSpace));
    }
}
