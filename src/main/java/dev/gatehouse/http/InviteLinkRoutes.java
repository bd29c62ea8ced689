package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.Role;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.InviteLinkService;
import dev.gatehouse.service.Validate;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;

/**
 * Invite links and joining through one. The link's id is its secret: {@link AccessLog} writes the paths
 * that carry it with the id left out.
 */
final class InviteLinkRoutes {
    private final InviteLinkService links;
    private final InviteLinkShapes shapes;
    private final Http http;

    InviteLinkRoutes(InviteLinkService links, InviteLinkShapes shapes, Http http) {
        this.links = links;
        this.shapes = shapes;
        this.http = http;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs/{orgId}/link-invites", ctx -> http.list(ctx,
                links.list(Http.caller(ctx), Http.id(ctx, "orgId"), http.after(ctx), Http.limit(ctx)), shapes::writeListed));
        r.post("/v1/orgs/{orgId}/link-invites", this::create);
        r.get("/v1/orgs/{orgId}/link-invites/{inviteId}", ctx -> Http.json(ctx, 200, shapes::writeInvite,
                links.get(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "inviteId"))));
        r.patch("/v1/orgs/{orgId}/link-invites/{inviteId}", this::update);
        r.delete("/v1/orgs/{orgId}/link-invites/{inviteId}", ctx -> Http.deleted(ctx,
                links.delete(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "inviteId"))));
        r.post("/v1/orgs/{orgId}/invites/{inviteId}", ctx -> {
            var w = links.join(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "inviteId"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, (json, redundant) -> {
                json.writeStartObject();
                json.writeBooleanField("redundant", redundant);
                json.writeEndObject();
            }, w.value());
        });
    }

    private void create(Context ctx) {
        Body b = Body.parse(ctx.bodyAsBytes());
        boolean toSpace = b.has("space");
        boolean toCollection = b.has("collection");
        ResourceRef resource = null;
        Role role;
        if (toSpace && toCollection) {
            throw ApiException.badRequest("give 'space' or 'collection', not both");
        }
        if (toSpace || toCollection) {
            if (b.has("role")) {
                throw ApiException.badRequest("a link to a space or collection takes 'level', not 'role'");
            }
            if (!b.has("level")) {
                throw ApiException.badRequest("'level' is required: the role the link gives on the "
                        + (toSpace ? "space" : "collection"));
            }
            String id = Validate.id(toSpace ? "space" : "collection", b.string(toSpace ? "space" : "collection"));
            resource = toSpace ? ResourceRef.space(id) : ResourceRef.collection(id);
            role = b.roleOrNull("level");
        } else {
            if (b.has("level")) {
                throw ApiException.badRequest("'level' needs 'space' or 'collection'; a link to the organization takes 'role'");
            }
            if (!b.has("role")) {
                throw ApiException.badRequest("'role' is required: the member role the link gives (null: guest), "
                        + "or 'level' with 'space' or 'collection'");
            }
            role = b.roleOrNull("role");
        }
        var w = links.create(Http.caller(ctx), Http.id(ctx, "orgId"),
                new InviteLinkService.Spec(resource, role, expiresAt(b), maxUses(b)));
        Http.revision(ctx, w);
        Http.created(ctx, shapes.location(w.value().invite()), shapes::writeInvite, w.value());
    }

    private void update(Context ctx) {
        Body b = Body.parse(ctx.bodyAsBytes());
        boolean roleGiven = b.has("role");
        boolean levelGiven = b.has("level");
        if (roleGiven && levelGiven) {
            throw ApiException.badRequest("give 'role' or 'level', not both");
        }
        Role role = roleGiven ? b.roleOrNull("role") : levelGiven ? b.roleOrNull("level") : null;
        var p = new InviteLinkService.Patch(roleGiven, role, levelGiven, b.has("expiresAt"), expiresAt(b),
                b.has("maxUses"), maxUses(b), b.bool("active"));
        var w = links.update(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "inviteId"), p);
        Http.revision(ctx, w);
        Http.json(ctx, 200, shapes::writeInvite, w.value());
    }

    private static Instant expiresAt(Body b) {
        JsonNode n = b.raw("expiresAt");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest("'expiresAt' must be an RFC 3339 time such as 2026-11-30T10:00:00Z, or null");
        }
        return Rfc3339.param("expiresAt", n.asText());
    }

    private static Integer maxUses(Body b) {
        JsonNode n = b.raw("maxUses");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw ApiException.badRequest("'maxUses' must be a whole number from 1 to " + InviteLinkService.MAX_USES
                    + ", or null");
        }
        return n.intValue();
    }
}
