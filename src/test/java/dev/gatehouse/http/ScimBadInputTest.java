package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.gatehouse.http.ScimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each bad SCIM request of the requirement is a SCIM error with its scimType, and changes nothing: the
 * revision, the users and the groups are as they were.
 */
class ScimBadInputTest {
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    @TempDir
    Path dir;
    private TestApp app;
    private ScimClient scim;
    private String userId;
    private String groupId;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        scim = ScimClient.connect(app, "admin");
        userId = ScimClient.ok(scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"Jo@Example.com\"}"), 201)
                .get("id").asText();
        groupId = ScimClient.ok(scim.post("Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"G\",\"members\":[{\"value\":\""
                + userId + "\"}]}"), 201).get("id").asText();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Sends the request, checks the SCIM error and that nothing changed. */
    private void refused(ScimClient.Res r, int status, String scimType) {
        long revision = app.revision();
        String users = scim.get("Users").text();
        String groups = scim.get("Groups").text();
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/scim+json");
        JsonNode e = r.json();
        assertThat(e.get("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(e.get("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(e.get("detail").asText()).isNotBlank();
        if (scimType != null) {
            assertThat(e.path("scimType").asText()).as(r.toString()).isEqualTo(scimType);
        }
        assertThat(app.revision()).isEqualTo(revision);
        assertThat(scim.get("Users").text()).isEqualTo(users);
        assertThat(scim.get("Groups").text()).isEqualTo(groups);
    }

    @Test
    void malformedJson() {
        refused(scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":"), 400, "invalidSyntax");
        refused(scim.put("Users/" + userId, "[1,2"), 400, "invalidSyntax");
        refused(scim.patch("Users/" + userId, "not json"), 400, "invalidSyntax");
    }

    @Test
    void unknownSchemas() {
        refused(scim.post("Users", "{\"schemas\":[\"urn:example:custom\"],\"userName\":\"new@example.com\"}"), 400, "invalidSyntax");
        refused(scim.post("Users", "{\"schemas\":[\"" + USER + "\",\"urn:example:ext\"],\"userName\":\"new@example.com\"}"), 400,
                "invalidSyntax");
        refused(scim.post("Users", "{\"userName\":\"new@example.com\"}"), 400, "invalidSyntax");
        refused(scim.post("Groups", "{\"schemas\":[\"" + USER + "\"],\"displayName\":\"H\"}"), 400, "invalidSyntax");
        refused(scim.patch("Users/" + userId, "{\"schemas\":[\"" + USER + "\"],\"Operations\":[]}"), 400, "invalidSyntax");
    }

    @Test
    void filtersThatDoNotParse() {
        refused(scim.get("Users?filter=" + q("userName eqq \"x\"")), 400, "invalidFilter");
        refused(scim.get("Users?filter=" + q("userName eq")), 400, "invalidFilter");
        refused(scim.get("Groups?filter=" + q("(displayName eq \"G\"")), 400, "invalidFilter");
    }

    @Test
    void countOfZeroOrAMillion() {
        refused(scim.get("Users?count=0"), 400, "invalidValue");
        refused(scim.get("Users?count=1000000"), 400, "invalidValue");
        refused(scim.get("Groups?count=-1"), 400, "invalidValue");
        refused(scim.get("Users?count=ten"), 400, "invalidValue");
        refused(scim.get("Users?startIndex=first"), 400, "invalidValue");
    }

    @Test
    void duplicateUserNameInAnyLetterCase() {
        refused(scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"JO@EXAMPLE.COM\"}"), 409, "uniqueness");
        refused(scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\" jo@example.com \"}"), 409, "uniqueness");
        String other = ScimClient.ok(scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"kim@example.com\"}"), 201)
                .get("id").asText();
        refused(scim.patch("Users/" + other, "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":"
                + "\"userName\",\"value\":\"Jo@example.COM\"}]}"), 409, "uniqueness");
    }

    @Test
    void aGroupMemberThatDoesNotExist() {
        refused(scim.post("Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"H\",\"members\":[{\"value\":\"nobody\"}]}"),
                400, "invalidValue");
        refused(scim.patch("Groups/" + groupId, "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"add\",\"path\":"
                + "\"members\",\"value\":[{\"value\":\"nobody\"}]}]}"), 400, "invalidValue");
        // A user of another organization is nobody here.
        ScimClient other = ScimClient.connect(app, "otheradmin");
        refused(scim.put("Groups/" + groupId, "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"G\",\"members\":[{\"value\":\"otheradmin\"}]}"),
                400, "invalidValue");
        assertThat(other.orgId).isNotEqualTo(scim.orgId);
    }

    @Test
    void patchPathsThatDoNotExist() {
        refused(scim.patch("Users/" + userId, "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":"
                + "\"noSuchAttribute\",\"value\":\"x\"}]}"), 400, null);
        refused(scim.patch("Groups/" + groupId, "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":"
                + "\"owners[value eq \\\"nobody\\\"]\"}]}"), 400, null);
        // Removing a member who is not there is what an identity provider retries: answered, and nothing changes.
        long revision = app.revision();
        assertThat(scim.patch("Groups/" + groupId, "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"remove\","
                + "\"path\":\"members[value eq \\\"nobody\\\"]\"}]}").status()).isEqualTo(200);
        assertThat(app.revision()).isEqualTo(revision);
        refused(scim.patch("Users/" + userId, "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"explode\",\"path\":"
                + "\"displayName\",\"value\":\"x\"}]}"), 400, null);
    }

    @Test
    void unknownIdsAndBadValues() {
        refused(scim.get("Users/nobody"), 404, null);
        refused(scim.delete("Groups/nothing"), 404, null);
        refused(scim.put("Users/nobody", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"x@example.com\"}"), 404, null);
        refused(scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"not-an-email\"}"), 400, "invalidValue");
        refused(scim.post("Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + "x".repeat(65) + "\"}"), 400, "invalidValue");
    }

    @Test
    void otherContentTypesAndTokens() {
        refused(scim.send("POST", "Users", "userName=x@example.com", scim.token, "application/x-www-form-urlencoded"), 415, null);
        refused(scim.send("GET", "Users", null, null), 401, null);
        refused(scim.send("GET", "Users", null, TestApp.SYSTEM), 401, null);
        refused(scim.send("GET", "Users", null, app.token("admin")), 401, null);
    }
}
