package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission endpoints of a page name its space, and those of a site its organization. A path that
 * names a page outside its space, or a site outside its organization, is a 404 whatever else is wrong
 * with the request (its body, its parameters): the path is checked first. A space or a collection is named
 * by its id alone, and a malformed request on one is told what is malformed.
 */
class PermissionPathTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String org;
    String other;
    String space;
    String otherSpace;
    String page;
    String site;

    @BeforeEach
    void setUp() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        app.user("eve");
        org = app.org("Org O", "alice");
        other = app.org("Other", "alice");
        space = app.space(org, alice, "{\"title\":\"S\"}");
        otherSpace = app.space(org, alice, "{\"title\":\"S2\"}");
        page = app.ok(app.post("/v1/spaces/" + space + "/pages", alice, "{\"title\":\"P\"}"), 201).get("id").asText();
        site = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Docs\"}"), 201).get("id").asText();
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    @Test
    void aPageOutsideTheSpaceOfItsPathIsNotFoundWhateverElseIsWrong() {
        String elsewhere = "/v1/spaces/" + otherSpace + "/pages/" + page + "/permissions";
        String missing = "no page with id '" + page + "' in space '" + otherSpace + "'";
        // A body's shape is checked first, on every route, so it is refused alike whatever the path names.
        assertThat(app.post(elsewhere, alice, "not json").status()).isEqualTo(400);
        assertError(app.post(elsewhere, alice, "{\"users\":[\"eve\"]}"), 400, "'role'");
        assertError(app.patch(elsewhere + "/users/eve", alice, "{}"), 400, "'role'");
        // What the route itself checks comes after the path.
        assertError(app.post(elsewhere, alice, "{\"role\":\"read\"}"), 404, missing);
        assertError(app.get(elsewhere + "/users?limit=0", alice), 404, missing);
        assertError(app.get(elsewhere + "/aggregate?role=nope", alice), 404, missing);
        assertError(app.patch(elsewhere + "/users/eve", alice, "{\"role\":\"read\"}"), 404, missing);
        assertError(app.get(elsewhere + "/users/eve/explain", alice), 404, missing);

        String here = "/v1/spaces/" + space + "/pages/" + page + "/permissions";
        assertError(app.post(here, alice, "{\"users\":[\"eve\"]}"), 400, "'role' is required");
        assertError(app.post(here, alice, "{\"role\":\"read\"}"), 400, "at least one entry");
        assertError(app.get(here + "/users?limit=0", alice), 400, "'limit'");
    }

    @Test
    void aSiteOutsideTheOrganizationOfItsPathIsNotFoundWhateverElseIsWrong() {
        String elsewhere = "/v1/orgs/" + other + "/sites/" + site + "/permissions";
        String missing = "no site with id '" + site + "'";
        assertError(app.post(elsewhere, alice, "{\"users\":[\"eve\"]}"), 400, "'role'");
        assertError(app.post(elsewhere, alice, "{\"role\":\"read\",\"users\":[\"eve\"]}"), 404, missing);
        assertError(app.get(elsewhere + "/aggregate?sort=name", alice), 404, missing);
        assertError(app.get(elsewhere + "/aggregate?team=!!", alice), 404, missing);
        assertError(app.patch(elsewhere + "/users/eve", alice, "{\"role\":null}"), 404, missing);

        String here = "/v1/orgs/" + org + "/sites/" + site + "/permissions";
        assertError(app.get(here + "/aggregate?sort=name", alice), 400, "ordered by user id");
        assertError(app.patch(here + "/users/eve", alice, "{}"), 400, "'role' is required");
    }

    @Test
    void aMalformedRequestOnASpaceIsToldWhatIsMalformedBeforeWhetherTheSpaceExists() {
        assertError(app.post("/v1/spaces/NoSuchSpace0000000000/permissions", alice, "{\"users\":[\"eve\"]}"), 400,
                "'role' is required");
        assertError(app.post("/v1/spaces/NoSuchSpace0000000000/permissions", alice,
                "{\"role\":\"read\",\"users\":[\"eve\"]}"), 404, "no space");
    }
}
