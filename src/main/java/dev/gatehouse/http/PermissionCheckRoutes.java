package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.model.Ids;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.PermissionService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** /v1/permissions/check: many permission questions about any resources, answered against one state. */
final class PermissionCheckRoutes {
    private final PermissionService permissions;
    private final PermissionShapes shapes;

    PermissionCheckRoutes(PermissionService permissions, PermissionShapes shapes) {
        this.permissions = permissions;
        this.shapes = shapes;
    }

    void register(RoutesConfig r) {
        r.post("/v1/permissions/check", this::check);
    }

    private void check(Context ctx) {
        Body b = Body.parse(ctx.bodyAsBytes());
        JsonNode items = b.raw("items");
        if (items == null || !items.isArray()) {
            throw ApiException.badRequest("'items' is required: an array of {user, resource: {type, id}, role?}");
        }
        List<PermissionService.Question> questions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            questions.add(question(items.get(i), "items[" + i + "]"));
        }
        Http.json(ctx, 200, shapes::writeAnswers, permissions.check(Http.caller(ctx), questions));
    }

    private static PermissionService.Question question(JsonNode n, String at) {
        String shape = "'" + at + "' must be {user, resource: {type, id}, role?} or {shareLink, resource: {type, id}, role?}";
        if (!n.isObject() || !n.path("resource").isObject() || n.has("user") == n.has("shareLink")) {
            throw ApiException.badRequest(shape);
        }
        String user = null;
        String shareLink = null;
        if (n.has("user")) {
            if (!n.get("user").isTextual()) {
                throw ApiException.badRequest(shape);
            }
            user = n.get("user").asText();
            if (!Ids.isValid(user)) {
                throw ApiException.badRequest("'" + at + ".user' is not a user id");
            }
        } else {
            String key = n.get("shareLink").isTextual() ? n.get("shareLink").asText() : "";
            if (key.isEmpty() || key.length() > 200) {
                throw ApiException.badRequest("'" + at + ".shareLink' must be a share link's key (1 to 200 characters)");
            }
            shareLink = key;
        }
        JsonNode res = n.get("resource");
        ResourceRef ref;
        try {
            ref = new ResourceRef(ResourceType.parse(res.path("type").asText()), res.path("id").asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + at + ".resource.type': " + e.getMessage());
        }
        if (!Ids.isValid(ref.id())) {
            throw ApiException.badRequest("'" + at + ".resource.id' is not an id");
        }
        Role atLeast = null;
        if (n.has("role") && !n.get("role").isNull()) {
            if (!n.get("role").isTextual() || !Role.isRole(n.get("role").asText())) {
                throw ApiException.badRequest("'" + at + ".role' must be one of " + Role.names());
            }
            atLeast = Role.parse(n.get("role").asText());
        }
        return new PermissionService.Question(user, shareLink, ref, atLeast);
    }
}
