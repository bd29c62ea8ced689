package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collections and spaces: shapes, moves, deletes, the trash, and who may do what. */
class ContentApiTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String bob;
    String carol;
    String org;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        bob = app.user("bob");
        carol = app.user("carol");
        org = app.org("Acme", "alice");
        app.member(org, "bob", "\"create\"");
        app.member(org, "carol", "\"read\"");
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void aSpaceHasGitBooksShape() {
        JsonNode s = app.ok(app.post("/v1/orgs/" + org + "/spaces", bob, "{\"title\":\"Guides\",\"emoji\":\"📘\"}"), 201);
        for (String f : List.of("object", "id", "title", "emoji", "organization", "visibility", "revision", "createdAt",
                "updatedAt", "comments", "changeRequests", "changeRequestsOpen", "changeRequestsDraft", "mergeRules", "urls",
                "defaultLevel", "permissions")) {
            assertThat(s.has(f)).as(f).isTrue();
        }
        assertThat(s.get("object").asText()).isEqualTo("space");
        assertThat(s.get("defaultLevel").asText()).isEqualTo("inherit");
        assertThat(s.get("visibility").asText()).isEqualTo("private");
        assertThat(s.get("permissions").get("admin").asBoolean()).isFalse();
        assertThat(s.get("permissions").get("edit").asBoolean()).isTrue();
        assertThat(s.get("urls").get("location").asText()).endsWith("/v1/spaces/" + s.get("id").asText());
        TestApp.Res created = app.post("/v1/orgs/" + org + "/collections", bob, "{\"title\":\"C\"}");
        assertThat(created.header("Location")).isEqualTo(created.json().get("urls").get("location").asText());
    }

    @Test
    void creatingContentNeedsTheCreatePermissionWhereItGoes() {
        assertError(app.post("/v1/orgs/" + org + "/spaces", carol, "{\"title\":\"Mine\"}"), 403, "create role");
        String c = app.collection(org, alice, "{\"title\":\"Restricted\"}");
        app.ok(app.patch("/v1/collections/" + c, alice, "{\"defaultLevel\":\"read\"}"), 200);
        assertError(app.post("/v1/orgs/" + org + "/spaces", bob, "{\"title\":\"In\",\"parent\":\"" + c + "\"}"), 403,
                "create permission");
        app.ok(app.post("/v1/collections/" + c + "/permissions", alice, "{\"role\":\"create\",\"users\":[\"bob\"]}"), 204);
        assertThat(app.post("/v1/orgs/" + org + "/spaces", bob, "{\"title\":\"In\",\"parent\":\"" + c + "\"}").status())
                .isEqualTo(201);
    }

    @Test
    void collectionsNestAndCannotMoveUnderTheirOwnDescendants() {
        String a = app.collection(org, alice, "{\"title\":\"A\"}");
        String b = app.collection(org, alice, "{\"title\":\"B\",\"parent\":\"" + a + "\"}");
        String c = app.collection(org, alice, "{\"title\":\"C\",\"parent\":\"" + b + "\"}");
        long before = app.revision();
        assertError(app.post("/v1/collections/" + a + "/move", alice, "{\"parent\":\"" + c + "\"}"), 400, "own collections");
        assertError(app.post("/v1/collections/" + a + "/move", alice, "{\"parent\":\"" + a + "\"}"), 400, "itself");
        assertError(app.post("/v1/collections/" + a + "/move", alice, "{}"), 400, "'parent' is required");
        assertThat(app.revision()).isEqualTo(before);
        JsonNode moved = app.ok(app.post("/v1/collections/" + c + "/move", alice, "{\"parent\":null}"), 200);
        assertThat(moved.has("parent")).isFalse();
        assertThat(app.get("/v1/orgs/" + org + "/collections?nested=false", alice).json().get("items"))
                .extracting(i -> i.get("id").asText()).containsExactlyInAnyOrder(a, c);
        assertThat(app.get("/v1/orgs/" + org + "/collections", alice).json().get("items")).hasSize(3);
    }

    @Test
    void aParentInAnotherOrganizationIsRefused() {
        app.user("zed");
        String other = app.org("Other", "zed");
        String foreign = app.collection(other, app.token("zed"), "{\"title\":\"Theirs\"}");
        assertError(app.post("/v1/orgs/" + org + "/spaces", alice, "{\"title\":\"X\",\"parent\":\"" + foreign + "\"}"),
                400, "'parent' must be a collection of organization");
        String space = app.space(org, alice, "{\"title\":\"S\"}");
        assertError(app.post("/v1/spaces/" + space + "/move", alice, "{\"parent\":\"" + foreign + "\"}"), 400,
                "'parent' must be");
    }

    @Test
    void aCollectionThatHoldsContentCannotBeDeleted() {
        String c = app.collection(org, alice, "{\"title\":\"C\"}");
        String s = app.space(org, alice, "{\"title\":\"S\",\"parent\":\"" + c + "\"}");
        assertError(app.delete("/v1/collections/" + c, alice), 409, "still holds");
        app.ok(app.post("/v1/spaces/" + s + "/move", alice, "{\"parent\":null}"), 200);
        assertThat(app.delete("/v1/collections/" + c, alice).status()).isEqualTo(205);
        assertError(app.get("/v1/collections/" + c, alice), 404, "no collection");
    }

    @Test
    void deletedSpacesGoToTheTrashWhereOnlyAdminsSeeThem() {
        String s = app.space(org, bob, "{\"title\":\"Temp\"}");
        assertError(app.delete("/v1/spaces/" + s, bob), 403, "admin permission");
        assertThat(app.delete("/v1/spaces/" + s, alice).status()).isEqualTo(205);
        assertThat(app.delete("/v1/spaces/" + s, alice).status()).isEqualTo(204);
        assertError(app.get("/v1/spaces/" + s, bob), 404, "no space");
        JsonNode trashed = app.ok(app.get("/v1/spaces/" + s, alice), 200);
        assertThat(trashed.has("deletedAt")).isTrue();
        assertThat(app.get("/v1/orgs/" + org + "/spaces", alice).json().get("items")).isEmpty();
        JsonNode restored = app.ok(app.post("/v1/spaces/" + s + "/restore", alice, null), 200);
        assertThat(restored.has("deletedAt")).isFalse();
        assertThat(app.get("/v1/spaces/" + s, bob).status()).isEqualTo(200);
    }

    @Test
    void aPublicSpaceIsViewableByAnyoneButAccessibleOnlyToItsMembers() {
        app.user("zed");
        String s = app.space(org, alice, "{\"title\":\"API\",\"visibility\":\"public\"}");
        String zed = app.token("zed");
        JsonNode seen = app.ok(app.get("/v1/spaces/" + s, zed), 200);
        assertThat(seen.get("permissions").get("view").asBoolean()).isTrue();
        assertThat(seen.get("permissions").get("access").asBoolean()).isFalse();
        assertError(app.get("/v1/spaces/" + s + "/permissions/aggregate", zed), 404, "no space");
        assertError(app.post("/v1/orgs/" + org + "/spaces", alice, "{\"visibility\":\"secret\"}"), 400, "visibility");
    }

    @Test
    void spacesListOnlyWhatTheCallerCanAccess() {
        String open = app.space(org, alice, "{\"title\":\"Open\"}");
        String closed = app.space(org, alice, "{\"title\":\"Closed\"}");
        app.ok(app.patch("/v1/spaces/" + closed, alice, "{\"defaultLevel\":null}"), 200);
        assertThat(app.get("/v1/orgs/" + org + "/spaces", carol).json().get("items"))
                .extracting(i -> i.get("id").asText()).containsExactly(open);
        assertThat(app.get("/v1/orgs/" + org + "/spaces", alice).json().get("items"))
                .extracting(i -> i.get("id").asText()).containsExactly(open, closed);
        String c = app.collection(org, alice, "{\"title\":\"C\"}");
        app.ok(app.post("/v1/spaces/" + open + "/move", alice, "{\"parent\":\"" + c + "\"}"), 200);
        assertThat(app.get("/v1/collections/" + c + "/spaces", carol).json().get("items"))
                .extracting(i -> i.get("id").asText()).containsExactly(open);
    }

    @Test
    void updatesValidateEveryField() {
        String s = app.space(org, alice, "{\"title\":\"S\"}");
        assertError(app.patch("/v1/spaces/" + s, alice, "{}"), 400, "at least one");
        assertError(app.patch("/v1/spaces/" + s, alice, "{\"defaultLevel\":\"everyone\"}"), 400, "not a default level");
        assertError(app.patch("/v1/spaces/" + s, alice, "{\"title\":\"" + "x".repeat(51) + "\"}"), 400, "'title'");
        assertError(app.patch("/v1/spaces/" + s, carol, "{\"title\":\"Mine\"}"), 403, "admin permission");
        JsonNode changed = app.ok(app.patch("/v1/spaces/" + s, alice, "{\"title\":\"Renamed\",\"defaultLevel\":null}"), 200);
        assertThat(changed.get("title").asText()).isEqualTo("Renamed");
        assertThat(changed.get("defaultLevel").isNull()).isTrue();
    }
}
