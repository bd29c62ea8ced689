package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An identity provider's side of SCIM against a {@link TestApp}: one organization's base URL and SCIM token,
 * requests sent as {@code application/scim+json}, answers parsed whatever their media type says.
 */
final class ScimClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final TestApp app;
    final String orgId;
    final String token;

    ScimClient(TestApp app, String orgId, String token) {
        this.app = app;
        this.orgId = orgId;
        this.token = token;
    }

    /** An organization administered by a new user, with one SCIM token. */
    static ScimClient connect(TestApp app, String adminId) {
        String admin = app.user(adminId);
        String org = app.org("Acme " + adminId, adminId);
        String secret = app.ok(app.post("/v1/orgs/" + org + "/scim-tokens", admin, "{\"label\":\"okta\"}"), 201)
                .get("token").asText();
        return new ScimClient(app, org, secret);
    }

    /** The path of {@code resource} (Users, Users/ID?filter=...) under this organization's base URL. */
    String path(String resource) {
        return "/scim/v2/orgs/" + orgId + "/" + resource;
    }

    static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    record Res(int status, JsonNode json, String text, String contentType) {
        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    Res get(String resource) {
        return send("GET", resource, null, token);
    }

    Res post(String resource, String body) {
        return send("POST", resource, body, token);
    }

    Res put(String resource, String body) {
        return send("PUT", resource, body, token);
    }

    Res patch(String resource, String body) {
        return send("PATCH", resource, body, token);
    }

    Res delete(String resource) {
        return send("DELETE", resource, null, token);
    }

    Res send(String method, String resource, String body, String bearer) {
        return send(method, resource, body, bearer, "application/scim+json");
    }

    Res send(String method, String resource, String body, String bearer, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.origin() + path(resource)))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/scim+json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = r.body().isEmpty() || !type.contains("json") ? null : JSON.readTree(r.body());
            return new Res(r.statusCode(), json, r.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the status and returns the body. */
    static JsonNode ok(Res r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but got " + r);
        }
        return r.json();
    }
}
