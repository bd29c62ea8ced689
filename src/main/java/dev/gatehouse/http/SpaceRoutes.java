package dev.gatehouse.http;

import static dev.gatehouse.http.ContentParents.moveTarget;
import static dev.gatehouse.http.ContentParents.parent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.model.Visibility;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.ContentService;
import io.javalin.config.RoutesConfig;

/** /v1/orgs/{orgId}/spaces and /v1/spaces/{spaceId}: spaces, their moves, the trash. */
final class SpaceRoutes {
    private final ContentService content;
    private final SpaceShapes shapes;
    private final Http http;

    SpaceRoutes(ContentService content, SpaceShapes shapes, Http http) {
        this.content = content;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs/{orgId}/spaces", ctx -> http.list(ctx, content.spaces(Http.caller(ctx),
                Http.id(ctx, "orgId"), http.after(ctx), Http.limit(ctx)), shapes::writeSpace));
        r.post("/v1/orgs/{orgId}/spaces", ctx -> {
            Body b = Body.parseOptional(ctx.bodyAsBytes());
            var w = content.createSpace(Http.caller(ctx), Http.id(ctx, "orgId"), b.string("title"), b.string("emoji"),
                    parent(b), visibility(b), b.defaultLevel("defaultLevel"));
            Http.revision(ctx, w);
            Http.created(ctx, shapes.location(w.value().value()), shapes::writeSpace, w.value());
        });
        r.get("/v1/spaces/{spaceId}", ctx ->
                Http.json(ctx, 200, shapes::writeSpace, content.space(Http.caller(ctx), Http.id(ctx, "spaceId"))));
        r.patch("/v1/spaces/{spaceId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            var w = content.updateSpace(Http.caller(ctx), Http.id(ctx, "spaceId"), b.string("title"),
                    b.nullableString("emoji"), b.has("emoji"), visibility(b), b.defaultLevel("defaultLevel"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writeSpace, w.value());
        });
        r.delete("/v1/spaces/{spaceId}", ctx -> Http.deleted(ctx,
                content.deleteSpace(Http.caller(ctx), Http.id(ctx, "spaceId"))));
        r.post("/v1/spaces/{spaceId}/move", ctx -> {
            var w = content.moveSpace(Http.caller(ctx), Http.id(ctx, "spaceId"), moveTarget(ctx));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writeSpace, w.value());
        });
        r.post("/v1/spaces/{spaceId}/restore", ctx -> {
            var w = content.restoreSpace(Http.caller(ctx), Http.id(ctx, "spaceId"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writeSpace, w.value());
        });
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
