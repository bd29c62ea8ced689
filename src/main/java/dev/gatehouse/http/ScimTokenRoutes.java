package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.ScimToken;
import dev.gatehouse.service.ScimTokenService;
import dev.gatehouse.service.Written;
import io.javalin.config.RoutesConfig;

import java.io.IOException;
import java.util.List;

/**
 * /v1/orgs/{organizationId}/scim-tokens: an organization admin's SCIM connections. The secret is answered once,
 * on creation; lists carry none (none is kept).
 */
final class ScimTokenRoutes {
    private final ScimTokenService tokens;
    private final PublicUrl url;

    ScimTokenRoutes(ScimTokenService tokens, PublicUrl url) {
        this.tokens = tokens;
        this.url = url;
    }

    void register(RoutesConfig r) {
        r.post("/v1/orgs/{orgId}/scim-tokens", ctx -> {
            Body b = Body.parseOptional(ctx.bodyAsBytes());
            Written<ScimTokenService.IssuedScimToken> w = tokens.create(Http.caller(ctx), Http.id(ctx, "orgId"),
                    b.string("label"));
            Http.revision(ctx, w);
            Http.created(ctx, null, this::writeIssued, w.value());
        });
        r.get("/v1/orgs/{orgId}/scim-tokens", ctx ->
                Http.json(ctx, 200, this::writeList, tokens.list(Http.caller(ctx), Http.id(ctx, "orgId"))));
        r.delete("/v1/orgs/{orgId}/scim-tokens/{tokenId}", ctx -> Http.noContent(ctx,
                tokens.revoke(Http.caller(ctx), Http.id(ctx, "orgId"), Http.id(ctx, "tokenId"))));
    }

    private void writeIssued(JsonGenerator json, ScimTokenService.IssuedScimToken issued) throws IOException {
        json.writeStartObject();
        writeFields(json, issued.token());
        json.writeStringField("token", issued.secret());
        json.writeEndObject();
    }

    private void writeList(JsonGenerator json, List<ScimToken> list) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("items");
        for (ScimToken t : list) {
            json.writeStartObject();
            writeFields(json, t);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void writeFields(JsonGenerator json, ScimToken t) throws IOException {
        json.writeStringField("object", "scim-token");
        json.writeStringField("id", t.id());
        if (t.label() != null) {
            json.writeStringField("label", t.label());
        }
        json.writeStringField("createdAt", IsoTime.format(t.createdAt()));
        // Where the identity provider is pointed: its tenant URL (Entra) or base URL (Okta).
        json.writeStringField("baseUrl", url.to("/scim/v2/orgs/" + t.orgId()));
    }
}
