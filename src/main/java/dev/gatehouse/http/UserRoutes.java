package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.model.ApiToken;
import dev.gatehouse.model.User;
import dev.gatehouse.service.UserService;
import dev.gatehouse.service.Written;
import io.javalin.config.RoutesConfig;

/** /v1/user, /v1/users and personal tokens. */
final class UserRoutes {
    private final UserService users;
    private final Shapes shapes;

    UserRoutes(UserService users, Shapes shapes) {
        this.users = users;
        this.shapes = shapes;
    }

    void register(RoutesConfig r) {
        r.get("/v1/user", ctx -> Http.json(ctx, 200, shapes.user(users.me(Http.caller(ctx)))));
        r.post("/v1/users", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            Written<User> w = users.create(Http.caller(ctx), new UserService.NewUser(b.string("id"),
                    b.requiredString("displayName"), b.requiredString("email"), b.nullableString("photoURL")));
            Http.revision(ctx, w);
            Http.created(ctx, shapes.user(w.value()));
        });
        r.get("/v1/users/{userId}", ctx ->
                Http.json(ctx, 200, shapes.user(users.get(Http.caller(ctx), Http.id(ctx, "userId")))));
        r.patch("/v1/users/{userId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            Written<User> w = users.update(Http.caller(ctx), Http.id(ctx, "userId"), b.string("displayName"),
                    b.nullableString("photoURL"), b.has("photoURL"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes.user(w.value()));
        });
        r.delete("/v1/users/{userId}", ctx -> Http.deleted(ctx, users.delete(Http.caller(ctx), Http.id(ctx, "userId"))));

        r.post("/v1/users/{userId}/tokens", ctx -> {
            Body b = Body.parseOptional(ctx.bodyAsBytes());
            Written<UserService.IssuedToken> w = users.createToken(Http.caller(ctx), Http.id(ctx, "userId"),
                    b.string("label"));
            ObjectNode o = token(w.value().token());
            o.put("token", w.value().secret());
            Http.revision(ctx, w);
            Http.created(ctx, o);
        });
        r.get("/v1/users/{userId}/tokens", ctx -> {
            ObjectNode o = Json.object();
            ArrayNode items = o.putArray("items");
            for (ApiToken t : users.tokens(Http.caller(ctx), Http.id(ctx, "userId"))) {
                items.add(token(t));
            }
            Http.json(ctx, 200, o);
        });
        r.delete("/v1/users/{userId}/tokens/{tokenId}", ctx -> Http.deleted(ctx,
                users.deleteToken(Http.caller(ctx), Http.id(ctx, "userId"), Http.id(ctx, "tokenId"))));
    }

    private static ObjectNode token(ApiToken t) {
        ObjectNode o = Json.object();
        o.put("object", "token");
        o.put("id", t.id());
        if (t.label() != null) {
            o.put("label", t.label());
        }
        o.put("createdAt", t.createdAt().toString());
        return o;
    }
}
