package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.store.sqlite.SqliteStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-origin requests: answered, with the headers a browser needs, for the allowed origins only. */
class CorsTest {
    private static final String ALLOWED = "https://docs.example.com";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private TestApp start(List<String> origins) {
        return TestApp.start(() -> SqliteStore.open(dir.resolve("gatehouse.db")),
                TestApp.options(TestApp.LIMITS).withCorsOrigins(origins));
    }

    private static HttpResponse<String> send(TestApp app, String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.origin() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() throws Exception {
        try (TestApp app = start(List.of(ALLOWED, "http://localhost:3000"))) {
            HttpResponse<String> r = send(app, "OPTIONS", "/v1/spaces/abc/permissions/aggregate", "Origin", ALLOWED,
                    "Access-Control-Request-Method", "PATCH",
                    "Access-Control-Request-Headers", "authorization, content-type, idempotency-key, x-gatehouse-min-revision");
            assertThat(r.statusCode()).isEqualTo(204);
            assertThat(r.body()).isEmpty();
            assertThat(header(r, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            assertThat(header(r, "Access-Control-Allow-Methods")).contains("GET", "POST", "PUT", "PATCH", "DELETE");
            assertThat(header(r, "Access-Control-Allow-Headers"))
                    .contains("Authorization", "Content-Type", "Idempotency-Key", "X-Gatehouse-Min-Revision");
            assertThat(header(r, "Access-Control-Max-Age")).isEqualTo(Cors.MAX_AGE);
            assertThat(header(r, "Access-Control-Allow-Credentials")).isNull();
            assertThat(header(r, "Vary")).contains("Origin");
            assertThat(header(r, "X-Gatehouse-Revision")).isNotNull();

            HttpResponse<String> local = send(app, "OPTIONS", "/v1/orgs", "Origin", "http://localhost:3000",
                    "Access-Control-Request-Method", "GET");
            assertThat(local.statusCode()).isEqualTo(204);
            assertThat(header(local, "Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        }
    }

    @Test
    void aPreflightFromAnyOtherOriginIsRefusedInWordsAndWithoutCorsHeaders() throws Exception {
        try (TestApp app = start(List.of(ALLOWED))) {
            for (String origin : List.of("https://evil.example", "https://docs.example.com.evil.example", "http://docs.example.com",
                    "null")) {
                HttpResponse<String> r = send(app, "OPTIONS", "/v1/orgs", "Origin", origin, "Access-Control-Request-Method", "GET");
                assertThat(r.statusCode()).as(origin).isEqualTo(403);
                assertThat(r.body()).as(origin).contains("\"code\":403").contains("--cors-origins");
                assertThat(header(r, "Access-Control-Allow-Origin")).as(origin).isNull();
            }
        }
        try (TestApp none = start(List.of())) {
            HttpResponse<String> r = send(none, "OPTIONS", "/v1/orgs", "Origin", ALLOWED, "Access-Control-Request-Method", "GET");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(header(r, "Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void answersToAnAllowedOriginExposeTheHeadersClientsRead() throws Exception {
        try (TestApp app = start(List.of(ALLOWED))) {
            String alice = app.user("alice");
            app.org("Acme", "alice");
            HttpResponse<String> ok = send(app, "GET", "/v1/orgs", "Origin", ALLOWED, "Authorization", "Bearer " + alice);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(header(ok, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            assertThat(header(ok, "Access-Control-Expose-Headers")).contains("X-Gatehouse-Revision", "X-RateLimit-Limit",
                    "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After");
            assertThat(header(ok, "Vary")).contains("Origin");
            // A refusal reaches the page too, so that it can say what went wrong.
            HttpResponse<String> refused = send(app, "GET", "/v1/orgs", "Origin", ALLOWED, "Authorization", "Bearer nope");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(header(refused, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            HttpResponse<String> unknown = send(app, "GET", "/v1/nothing-here", "Origin", ALLOWED, "Authorization", "Bearer " + alice);
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(header(unknown, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            // The share dialog's modules load cross-origin, as module scripts do, under the same rule.
            HttpResponse<String> module = send(app, "GET", "/console/gatehouse-share.js", "Origin", ALLOWED);
            assertThat(module.statusCode()).isEqualTo(200);
            assertThat(header(module, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED);

            HttpResponse<String> other = send(app, "GET", "/v1/orgs", "Origin", "https://evil.example", "Authorization", "Bearer " + alice);
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(header(other, "Access-Control-Allow-Origin")).isNull();
            assertThat(header(other, "Access-Control-Expose-Headers")).isNull();
        }
    }

    @Test
    void withoutAllowedOriginsNoAnswerCarriesCorsHeaders() throws Exception {
        try (TestApp app = start(List.of())) {
            String alice = app.user("alice");
            HttpResponse<String> r = send(app, "GET", "/v1/user", "Origin", ALLOWED, "Authorization", "Bearer " + alice);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(header(r, "Access-Control-Allow-Origin")).isNull();
            assertThat(header(r, "Vary")).isNull();
        }
    }

    @Test
    void originsAreNormalizedAsBrowsersSendThemAndAnythingElseIsRefused() {
        assertThat(Cors.parse(" https://Docs.Example.com/ , http://localhost:3000,https://a.example:443,http://b.example:80"))
                .containsExactly("https://docs.example.com", "http://localhost:3000", "https://a.example", "http://b.example");
        assertThat(Cors.parse(null)).isEmpty();
        assertThat(Cors.parse(" ")).isEmpty();
        for (String bad : List.of("*", "null", "docs.example.com", "ftp://docs.example.com", "https://docs.example.com/path",
                "https://user@docs.example.com", "https://docs.example.com?x=1", "https://")) {
            assertThatThrownBy(() -> Cors.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(HttpOptions.defaults().corsOrigins()).isEmpty();
        assertThat(HttpOptions.defaults().withCorsOrigins(List.of("HTTPS://X.example")).corsOrigins())
                .containsExactly("https://x.example");
    }
}
