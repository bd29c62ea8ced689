package dev.gatehouse.http;

import static dev.gatehouse.http.Names.*;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.model.ApiToken;
import dev.gatehouse.model.User;
import dev.gatehouse.service.UserService;
import java.io.IOException;
import java.util.List;

/** Users, as GitBook's {@code User}, and their personal tokens. */
final class UserShapes {
    private final PublicUrl url;

    UserShapes(PublicUrl url) {
        this.url = url;
    }

    String location(User u) {
        return url.to("/v1/users/" + u.id());
    }

    /** A user: the items of user lists and the {@code user} of every line that names one. */
    void writeUser(JsonGenerator json, User u) throws IOException {
        json.writeStartObject();
        Json.field(json, OBJECT, USER);
        Json.field(json, ID, u.id());
        Json.field(json, DISPLAY_NAME, u.displayName());
        if (u.email() != null) {
            Json.field(json, EMAIL, u.email());
        }
        if (u.photoUrl() != null) {
            Json.field(json, PHOTO_URL, u.photoUrl());
        }
        Json.startObject(json, URLS);
        Json.field(json, LOCATION, location(u));
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A token as listed: never its secret, which only its creation answers with. */
    void writeToken(JsonGenerator json, ApiToken t) throws IOException {
        json.writeStartObject();
        writeTokenFields(json, t);
        json.writeEndObject();
    }

    /** A token just issued, with its secret (shown this once). */
    void writeIssuedToken(JsonGenerator json, UserService.IssuedToken issued) throws IOException {
        json.writeStartObject();
        writeTokenFields(json, issued.token());
        Json.field(json, TOKEN, issued.secret());
        json.writeEndObject();
    }

    void writeTokens(JsonGenerator json, List<ApiToken> tokens) throws IOException {
        json.writeStartObject();
        Json.startArray(json, ITEMS);
        for (ApiToken t : tokens) {
            writeToken(json, t);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeTokenFields(JsonGenerator json, ApiToken t) throws IOException {
        Json.field(json, OBJECT, TOKEN);
        Json.field(json, ID, t.id());
        if (t.label() != null) {
            Json.field(json, LABEL, t.label());
        }
        Json.field(json, CREATED_AT, t.createdAt().toString());
    }
}
