package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access requests: asking, listing, approving, denying, and what outsiders are told. */
class AccessRequestApiTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String bob;
    String dave;
    String carol;
    String org;
    String space;
    String page;
    String collection;
    String site;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        bob = app.user("bob");
        dave = app.user("dave");
        carol = app.user("carol");
        org = app.org("Acme", "alice");
        app.member(org, "bob", "\"edit\"");
        app.member(org, "dave", "null");
        collection = app.collection(org, alice, "{\"title\":\"C\"}");
        space = app.space(org, alice, "{\"title\":\"Plans\",\"defaultLevel\":null}");
        page = app.ok(app.post("/v1/spaces/" + space + "/pages", alice, "{\"title\":\"Roadmap\"}"), 201).get("id").asText();
        site = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Docs\"}"), 201).get("id").asText();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    private String check(String user, String type, String id) {
        JsonNode p = app.ok(app.post("/v1/permissions/check", alice, "{\"items\":[{\"user\":\"" + user
                + "\",\"resource\":{\"type\":\"" + type + "\",\"id\":\"" + id + "\"}}]}"), 200).get("items").get(0)
                .get("permission");
        return p.isNull() ? null : p.asText();
    }

    @Test
    void aGuestAsksAndAnAdminApproves() {
        String at = "/v1/spaces/" + space + "/access-requests";
        TestApp.Res r = app.post(at, dave, "{\"role\":\"read\",\"message\":\"for the launch\"}");
        JsonNode req = app.ok(r, 201);
        assertThat(req.get("object").asText()).isEqualTo("access-request");
        assertThat(req.get("status").asText()).isEqualTo("pending");
        assertThat(req.get("role").asText()).isEqualTo("read");
        assertThat(req.get("user").get("id").asText()).isEqualTo("dave");
        assertThat(req.get("message").asText()).isEqualTo("for the launch");
        String id = req.get("id").asText();
        assertThat(r.headers().get("Location")).containsExactly(req.get("urls").get("location").asText());

        // Asking again changes the one pending request.
        JsonNode again = app.ok(app.post(at, dave, "{\"role\":\"comment\"}"), 200);
        assertThat(again.get("id").asText()).isEqualTo(id);
        assertThat(again.get("role").asText()).isEqualTo("comment");
        JsonNode list = app.ok(app.get(at, alice), 200);
        assertThat(list.get("items")).extracting(i -> i.get("id").asText()).containsExactly(id);

        assertThat(app.ok(app.get(at + "/" + id, dave), 200).get("status").asText()).isEqualTo("pending");
        assertThat(check("dave", "space", space)).isNull();
        JsonNode approved = app.ok(app.post(at + "/" + id + "/approve", alice, ""), 200);
        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(approved.get("decidedBy").get("id").asText()).isEqualTo("alice");
        assertThat(check("dave", "space", space)).isEqualTo("comment");
        assertThat(app.ok(app.get(at + "/" + id, dave), 200).get("status").asText()).isEqualTo("approved");
        assertThat(app.ok(app.get(at, alice), 200).get("items")).isEmpty();
        assertThat(app.ok(app.get(at + "?status=approved", alice), 200).get("items")).hasSize(1);

        JsonNode actions = app.ok(app.get("/v1/orgs/" + org + "/audit-log", alice), 200).get("items");
        assertThat(actions).extracting(e -> e.get("action").asText())
                .contains("access_request.requested", "access_request.approved", "grant.created");
    }

    private JsonNode grantOf(String user) {
        for (JsonNode g : app.ok(app.get("/v1/spaces/" + space + "/permissions/users", alice), 200).get("items")) {
            if (g.get("user").get("id").asText().equals(user)) {
                return g;
            }
        }
        return null;
    }

    /** Dave's pending request for read on the space, then a grant of {@code role} until {@code until} for him. */
    private String pendingWithGrant(String at, String role, String until) {
        app.ok(app.delete("/v1/spaces/" + space + "/permissions/users/dave", alice), 205);
        String id = app.ok(app.post(at, dave, "{\"role\":\"read\"}"), 201).get("id").asText();
        app.ok(app.post("/v1/spaces/" + space + "/permissions", alice, "{\"role\":\"" + role + "\",\"users\":[\"dave\"],"
                + "\"expiresAt\":" + TestApp.quote(until) + "}"), 204);
        return id;
    }

    @Test
    void anApprovalWithAnExpiryGrantsUntilThenAndNeverShortensWhatTheRequesterHas() {
        String at = "/v1/spaces/" + space + "/access-requests";
        String soon = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS).toString();
        String later = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS).toString();

        String id = app.ok(app.post(at, dave, "{\"role\":\"comment\"}"), 201).get("id").asText();
        app.ok(app.post(at + "/" + id + "/approve", alice, "{\"expiresAt\":" + TestApp.quote(soon) + "}"), 200);
        assertThat(grantOf("dave").get("permission").asText()).isEqualTo("comment");
        assertThat(grantOf("dave").get("expiresAt").asText()).isEqualTo(soon);

        // A grant that gives as much, given while the request waited, keeps its role and lasts the longer time.
        id = pendingWithGrant(at, "comment", soon);
        app.ok(app.post(at + "/" + id + "/approve", alice, "{\"expiresAt\":" + TestApp.quote(later) + "}"), 200);
        assertThat(grantOf("dave").get("permission").asText()).isEqualTo("comment");
        assertThat(grantOf("dave").get("expiresAt").asText()).isEqualTo(later);

        // Approved for less long than the grant lasts: only the request's decision is written.
        id = pendingWithGrant(at, "comment", later);
        long before = app.revision();
        app.ok(app.post(at + "/" + id + "/approve", alice, "{\"expiresAt\":" + TestApp.quote(soon) + "}"), 200);
        assertThat(grantOf("dave").get("expiresAt").asText()).isEqualTo(later);
        assertThat(app.revision()).isEqualTo(before + 1);

        // Approved without an expiry: the grant no longer expires.
        id = pendingWithGrant(at, "comment", soon);
        app.ok(app.post(at + "/" + id + "/approve", alice, "{}"), 200);
        assertThat(grantOf("dave").get("permission").asText()).isEqualTo("comment");
        assertThat(grantOf("dave").has("expiresAt")).isFalse();
    }

    @Test
    void aDenialCarriesItsReasonAndTheRequesterMayAskAgain() {
        String at = "/v1/spaces/" + space + "/pages/" + page + "/access-requests";
        String id = app.ok(app.post(at, bob, "{\"role\":\"edit\"}"), 201).get("id").asText();
        JsonNode denied = app.ok(app.post(at + "/" + id + "/deny", alice, "{\"reason\":\"not yet\"}"), 200);
        assertThat(denied.get("status").asText()).isEqualTo("denied");
        JsonNode seen = app.ok(app.get(at + "/" + id, bob), 200);
        assertThat(seen.get("reason").asText()).isEqualTo("not yet");
        assertError(app.post(at + "/" + id + "/approve", alice, "{}"), 409, "denied");
        JsonNode reopened = app.ok(app.post(at, bob, "{\"role\":\"edit\"}"), 201);
        assertThat(reopened.get("id").asText()).isEqualTo(id);
        assertThat(reopened.get("status").asText()).isEqualTo("pending");
        assertThat(reopened.has("reason")).isFalse();
        assertThat(app.ok(app.get("/v1/orgs/" + org + "/audit-log", alice), 200).get("items"))
                .extracting(e -> e.get("action").asText()).contains("access_request.denied");
    }

    @Test
    void everyResourceKindTakesRequests() {
        for (String base : new String[] {"/v1/collections/" + collection, "/v1/orgs/" + org + "/sites/" + site,
                "/v1/spaces/" + space}) {
            String id = app.ok(app.post(base + "/access-requests", dave, "{\"role\":\"read\"}"), 201).get("id").asText();
            app.ok(app.post(base + "/access-requests/" + id + "/approve", alice, "{}"), 200);
        }
        assertThat(check("dave", "site", site)).isEqualTo("read");
        assertThat(check("dave", "collection", collection)).isEqualTo("read");
    }

    @Test
    void whatOneHasAlreadyIsRedundantAndWritesNothing() {
        long before = app.revision();
        JsonNode r = app.ok(app.post("/v1/collections/" + collection + "/access-requests", bob, "{\"role\":\"read\"}"), 200);
        assertThat(r.get("redundant").asBoolean()).isTrue();
        assertThat(r.get("permission").asText()).isEqualTo("edit");
        assertThat(app.revision()).isEqualTo(before);
    }

    @Test
    void outsidersAreAnsweredAsForNothingAndRefusalsChangeNothing() {
        String at = "/v1/spaces/" + space + "/access-requests";
        String id = app.ok(app.post(at, dave, "{\"role\":\"admin\"}"), 201).get("id").asText();
        long before = app.revision();
        TestApp.Res outsider = app.post(at, carol, "{\"role\":\"read\"}");
        TestApp.Res missing = app.post("/v1/spaces/nosuchspace/access-requests", carol, "{\"role\":\"read\"}");
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(outsider.json().get("error").get("message").asText())
                .isEqualTo(missing.json().get("error").get("message").asText().replace("nosuchspace", space));
        assertError(app.get(at + "/" + id, carol), 404, "space");
        assertError(app.post("/v1/orgs/" + org + "/sites/" + site + "/access-requests", carol, "{\"role\":\"read\"}"), 404,
                "site");
        assertError(app.post("/v1/spaces/" + space + "/pages/" + page + "/access-requests", carol, "{\"role\":\"read\"}"),
                404, "page");

        // Whoever may not grant there: 403 to list, approve or deny; the requester sees their own only.
        assertError(app.get(at, bob), 404, "space");
        app.ok(app.post("/v1/spaces/" + space + "/permissions", alice, "{\"role\":\"edit\",\"users\":[\"bob\"]}"), 204);
        before = app.revision();
        assertError(app.get(at, bob), 403, "admin");
        assertError(app.post(at + "/" + id + "/approve", bob, "{}"), 403, "admin");
        assertError(app.post(at + "/" + id + "/deny", bob, "{}"), 403, "admin");
        assertError(app.get(at + "/" + id, bob), 404, "access request");

        assertError(app.post(at, dave, "{\"role\":\"owner\"}"), 400, "role");
        assertError(app.post(at, dave, "{}"), 400, "role");
        assertError(app.post(at, dave, "{\"role\":\"Edit\"}"), 400, "role");
        assertError(app.post(at, dave, "{\"role\":\"read\",\"message\":" + TestApp.quote("m".repeat(1001)) + "}"), 400,
                "message");
        assertError(app.post(at + "/nosuchrequest/approve", alice, "{}"), 404, "access request");
        assertError(app.post(at + "/nosuchrequest/deny", alice, "{}"), 404, "access request");
        assertError(app.get(at + "/nosuchrequest", alice), 404, "access request");
        assertError(app.post(at + "/" + id + "/approve", alice, "{\"expiresAt\":\"soon\"}"), 400, "expiresAt");
        assertError(app.post(at + "/" + id + "/approve", alice, "{\"expiresAt\":\"2020-01-01T00:00:00Z\"}"), 400,
                "expiresAt");
        assertError(app.post(at + "/" + id + "/approve", alice, "{\"expiresAt\":\"2030-01-01T00:00:00\"}"), 400,
                "expiresAt");
        assertError(app.get(at + "?status=open", alice), 400, "status");
        assertError(app.post(at, TestApp.SYSTEM, "{\"role\":\"read\"}"), 400, "user");
        assertThat(app.revision()).isEqualTo(before);
    }

    @Test
    void approvingNeedsTheRightToGrantTheRole() {
        // Bob administers the collection, but a request is approved by whoever administers the resource asked about.
        String at = "/v1/collections/" + collection + "/access-requests";
        String id = app.ok(app.post(at, dave, "{\"role\":\"admin\"}"), 201).get("id").asText();
        app.ok(app.post("/v1/collections/" + collection + "/permissions", alice, "{\"role\":\"create\",\"users\":[\"bob\"]}"),
                204);
        long before = app.revision();
        assertError(app.post(at + "/" + id + "/approve", bob, "{}"), 403, "admin");
        assertThat(app.revision()).isEqualTo(before);
        assertThat(check("dave", "collection", collection)).isNull();
    }
}
