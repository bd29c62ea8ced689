package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication, the error format, revisions on every response, and refusals that change nothing. */
class AuthAndErrorsTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String org;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        org = app.org("Acme", "alice");
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    static void assertError(TestApp.Res r, int status, String messagePart) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        JsonNode err = r.json().get("error");
        assertThat(err.get("code").asInt()).isEqualTo(status);
        assertThat(err.get("message").asText()).containsIgnoringCase(messagePart);
    }

    @Test
    void requestsWithoutAValidTokenAre401() {
        assertError(app.get("/v1/user", null), 401, "missing token");
        assertError(app.get("/v1/user", "gh_not-a-token"), 401, "not valid");
        assertThat(app.get("/v1/user", alice).json().get("id").asText()).isEqualTo("alice");
    }

    @Test
    void aTokenSentWithoutTheBearerSchemeIsToldHowToSendIt() {
        for (String header : new String[] {alice, "Token " + alice, "Basic " + alice, "Bearer"}) {
            TestApp.Res r = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.origin() + "/v1/user"))
                    .header("Authorization", header).build());
            assertError(r, 401, "send 'Authorization: Bearer <token>'");
        }
        // The scheme's name is case-insensitive, as HTTP says.
        assertThat(app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.origin() + "/v1/user"))
                .header("Authorization", "bearer " + alice).build()).status()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        String path = "/v1/orgs/" + org + "/spaces";
        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"}) {
            TestApp.Res r = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.origin() + path))
                    .header("Authorization", "Bearer " + alice).header("Content-Type", type)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"T\"}")).build());
            assertError(r, 415, "send 'Content-Type: application/json'");
        }
        for (String type : new String[] {"application/json; charset=utf-8", "APPLICATION/JSON"}) {
            TestApp.Res r = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.origin() + path))
                    .header("Authorization", "Bearer " + alice).header("Content-Type", type)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"T\"}")).build());
            assertThat(r.status()).as(type).isEqualTo(201);
        }
        // Without a body the type says nothing: a DELETE sent by a form-minded client still works.
        TestApp.Res none = app.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.origin() + "/v1/user"))
                .header("Authorization", "Bearer " + alice).header("Content-Type", "text/plain").build());
        assertThat(none.status()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenStopsWorking() {
        JsonNode created = app.ok(app.post("/v1/users/alice/tokens", alice, "{\"label\":\"ci\"}"), 201);
        String token = created.get("token").asText();
        assertThat(app.get("/v1/user", token).status()).isEqualTo(200);
        JsonNode list = app.ok(app.get("/v1/users/alice/tokens", alice), 200);
        assertThat(list.toString()).doesNotContain(token).contains("\"label\":\"ci\"");
        assertThat(app.delete("/v1/users/alice/tokens/" + created.get("id").asText(), alice).status()).isEqualTo(205);
        assertError(app.get("/v1/user", token), 401, "not valid");
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        String token = app.token("alice");
        var stored = app.store().load().tokens();
        assertThat(stored).isNotEmpty();
        assertThat(stored).allSatisfy(t -> assertThat(t.secretHash()).isNotEqualTo(token).doesNotContain(token));
    }

    @Test
    void onlyTheSystemTokenCreatesUsersAndOrganizations() {
        assertError(app.post("/v1/users", alice, "{\"displayName\":\"Bob\",\"email\":\"bob@example.com\"}"), 403,
                "system token");
        assertError(app.post("/v1/orgs", alice, "{\"title\":\"Mine\",\"admin\":\"alice\"}"), 403, "system token");
        assertError(app.get("/v1/user", TestApp.SYSTEM), 404, "system token");
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheErrorFormat() {
        assertError(app.get("/v1/nowhere", alice), 404, "no such endpoint");
        TestApp.Res r = app.call("PUT", "/v1/orgs/" + org, alice, "{}");
        assertThat(r.status()).isIn(404, 405);
        assertThat(r.json().get("error").get("code").asInt()).isEqualTo(r.status());
    }

    @Test
    void malformedBodiesAre400AndSayWhatToFix() {
        String path = "/v1/orgs/" + org + "/spaces";
        assertError(app.post(path, alice, "{not json"), 400, "not valid JSON");
        assertError(app.post(path, alice, "[1,2]"), 400, "JSON object");
        assertError(app.post(path, alice, "{\"title\":42}"), 400, "'title' must be a string");
        assertError(app.post("/v1/users", TestApp.SYSTEM, "{\"displayName\":\"X\"}"), 400, "'email' is required");
        assertError(app.post("/v1/users", TestApp.SYSTEM, "{\"displayName\":\"X\",\"email\":\"not-an-email\"}"), 400,
                "not an email");
        assertError(app.post("/v1/users", TestApp.SYSTEM, "{\"id\":\"bad/id\",\"displayName\":\"X\",\"email\":\"x@example.com\"}"),
                400, "'id' must be");
        assertThat(app.get(path, alice).json().get("items")).isEmpty();
    }

    @Test
    void badLimitsAndForgedCursorsAre400() {
        for (int i = 0; i < 3; i++) {
            app.space(org, alice, "{\"title\":\"S" + i + "\"}");
        }
        String path = "/v1/orgs/" + org + "/spaces";
        assertError(app.get(path + "?limit=0", alice), 400, "'limit'");
        assertError(app.get(path + "?limit=5000", alice), 400, "'limit'");
        assertError(app.get(path + "?limit=ten", alice), 400, "'limit'");
        JsonNode first = app.ok(app.get(path + "?limit=1", alice), 200);
        String cursor = first.get("next").get("page").asText();
        String forged = cursor.charAt(0) == 'A' ? "B" + cursor.substring(1) : "A" + cursor.substring(1);
        assertError(app.get(path + "?limit=1&page=" + forged, alice), 400, "'page'");
        assertError(app.get("/v1/orgs/" + org + "/members?page=" + cursor, alice), 400, "'page'");
        assertThat(app.get(path + "?limit=1&page=" + cursor, alice).status()).isEqualTo(200);
    }

    @Test
    void requestsJettyRefusesBeforeRoutingAlsoAnswerInTheErrorFormat() throws Exception {
        int port = Integer.parseInt(app.origin().substring(app.origin().lastIndexOf(':') + 1));
        try (java.net.Socket s = new java.net.Socket("localhost", port)) {
            s.getOutputStream().write("GET /v1/spaces/100% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400").contains("application/json").containsIgnoringCase("Connection: close")
                    .contains("{\"error\":{\"code\":400,\"message\":");
        }
    }

    @Test
    void aTrailingSlashIsNotAnAliasOfTheId() {
        assertThat(app.patch("/v1/orgs/" + org + "/members/alice/", alice, "{\"role\":\"read\"}").status()).isEqualTo(404);
        assertThat(app.get("/v1/orgs/" + org + "/members/alice", alice).json().get("role").asText()).isEqualTo("admin");
    }

    @Test
    void malformedPathIdsAre400() {
        assertError(app.get("/v1/spaces/bad%25id", alice), 400, "not a valid");
        assertError(app.get("/v1/orgs/" + org + "/members/a%20b", alice), 400, "not a valid");
    }

    @Test
    void everyResponseCarriesTheRevisionItReflects() {
        TestApp.Res read = app.get("/v1/orgs/" + org, alice);
        long before = Long.parseLong(read.header("X-Gatehouse-Revision"));
        TestApp.Res write = app.post("/v1/orgs/" + org + "/spaces", alice, "{\"title\":\"New\"}");
        long after = Long.parseLong(write.header("X-Gatehouse-Revision"));
        assertThat(after).isGreaterThan(before);
        assertThat(app.get("/v1/nowhere", alice).header("X-Gatehouse-Revision")).isNotNull();
        assertThat(app.get("/v1/user", null).header("X-Gatehouse-Revision")).isNotNull();
    }

    @Test
    void minRevisionIsHonouredOrRefused() {
        String rev = app.get("/v1/user", alice).header("X-Gatehouse-Revision");
        assertThat(app.call("GET", "/v1/user", alice, null).status()).isEqualTo(200);
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.origin() + "/v1/user"))
                .header("Authorization", "Bearer " + alice);
        assertThat(app.send(req.copy().header("X-Gatehouse-Min-Revision", rev).build()).status()).isEqualTo(200);
        // Beyond what the database has: no wait would bring it, so it is refused at once, not after the wait.
        long start = System.nanoTime();
        TestApp.Res future = app.send(req.copy().header("X-Gatehouse-Min-Revision", "999999").build());
        assertError(future, 400, "newer than the database's latest (" + rev + ")");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to answer").isLessThan(HttpOptions.DEFAULT_MIN_REVISION_WAIT.toMillis() / 2);
        assertThat(future.header("X-Gatehouse-Revision")).isEqualTo(rev);
        assertError(app.send(req.copy().header("X-Gatehouse-Min-Revision", "soon").build()), 400, "Min-Revision");
    }

    @Test
    void healthEndpointsNeedNoToken() {
        assertThat(app.get("/healthz", null).json().get("status").asText()).isEqualTo("ok");
        assertThat(app.get("/readyz", null).json().get("status").asText()).isEqualTo("ready");
    }
}
