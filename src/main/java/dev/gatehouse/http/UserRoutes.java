package dev.gatehouse.http;

import dev.gatehouse.model.User;
import dev.gatehouse.service.UserService;
import dev.gatehouse.service.Written;
import io.javalin.config.RoutesConfig;

/** /v1/user, /v1/users and personal tokens. */
final class UserRoutes {
    private final UserService users;
    private final UserShapes shapes;

    UserRoutes(UserService users, UserShapes shapes) {
        this.users = users;
        this.shapes = shapes;
    }

    void register(RoutesConfig r) {
        r.get("/v1/user", ctx -> Http.json(ctx, 200, shapes::writeUser, users.me(Http.caller(ctx))));
        r.post("/v1/users", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            Written<User> w = users.create(Http.caller(ctx), new UserService.NewUser(b.string("id"),
                    b.requiredString("displayName"), b.requiredString("email"), b.nullableString("photoURL")));
            Http.revision(ctx, w);
            Http.created(ctx, shapes.location(w.value()), shapes::writeUser, w.value());
        });
        r.get("/v1/users/{userId}", ctx ->
                Http.json(ctx, 200, shapes::writeUser, users.get(Http.caller(ctx), Http.id(ctx, "userId"))));
        r.patch("/v1/users/{userId}", ctx -> {
            Body b = Body.parse(ctx.bodyAsBytes());
            Written<User> w = users.update(Http.caller(ctx), Http.id(ctx, "userId"), b.string("displayName"),
                    b.nullableString("photoURL"), b.has("photoURL"));
            Http.revision(ctx, w);
            Http.json(ctx, 200, shapes::writeUser, w.value());
        });
        r.delete("/v1/users/{userId}", ctx -> Http.deleted(ctx, users.delete(Http.caller(ctx), Http.id(ctx, "userId"))));

        r.post("/v1/users/{userId}/tokens", ctx -> {
            Body b = Body.parseOptional(ctx.bodyAsBytes());
            Written<UserService.IssuedToken> w = users.createToken(Http.caller(ctx), Http.id(ctx, "userId"),
                    b.string("label"));
            Http.revision(ctx, w);
            Http.created(ctx, null, shapes::writeIssuedToken, w.value());
        });
        r.get("/v1/users/{userId}/tokens", ctx ->
                Http.json(ctx, 200, shapes::writeTokens, users.tokens(Http.caller(ctx), Http.id(ctx, "userId"))));
        r.delete("/v1/users/{userId}/tokens/{tokenId}", ctx -> Http.deleted(ctx,
                users.deleteToken(Http.caller(ctx), Http.id(ctx, "userId"), Http.id(ctx, "tokenId"))));
    }
}
