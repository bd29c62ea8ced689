package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.gatehouse.http.ScimClient.ok;
import static dev.gatehouse.http.ScimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Okta's "SCIM 2.0 Spec Test" and its CRUD test, request by request, as Okta documents them for SCIM app
 * submissions: list with paging, a filter that finds nobody, create, get, the same filter finding the new
 * user in another letter case, a duplicate refused, an unknown id, PUT, Okta's full-replace PATCH of
 * {@code active}, and group push (create, rename, add and remove members, delete).
 */
class ScimOktaConformanceTest {
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @TempDir
    Path dir;

    @Test
    void oktaSpecTestSequence() {
        try (TestApp app = TestApp.start(dir)) {
            ScimClient okta = ScimClient.connect(app, "admin");

            // 1. Required: the Users endpoint answers a list with paging fields.
            JsonNode page = ok(okta.get("Users?count=1&startIndex=1"), 200);
            assertThat(page.get("schemas").get(0).asText()).isEqualTo(LIST);
            assertThat(page.get("totalResults").asInt()).isEqualTo(1);
            assertThat(page.get("itemsPerPage").asInt()).isEqualTo(1);
            assertThat(page.get("startIndex").asInt()).isEqualTo(1);
            assertThat(page.get("Resources")).hasSize(1);

            // 2. A filter on a userName nobody has finds nobody.
            JsonNode none = ok(okta.get("Users?filter=" + q("userName eq \"ghost-4711@atko.com\"") + "&startIndex=1&count=100"), 200);
            assertThat(none.get("totalResults").asInt()).isZero();

            // 3. Create the user as Okta sends it, password included.
            String body = """
                    {"schemas":["%s"],"userName":"Adele.Vance@atko.com",
                     "name":{"givenName":"Adele","familyName":"Vance"},
                     "emails":[{"primary":true,"value":"Adele.Vance@atko.com","type":"work"}],
                     "displayName":"Adele Vance","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7",
                     "groups":[],"password":"1mz050nq","active":true}""".formatted(USER);
            ScimClient.Res created = okta.post("Users", body);
            JsonNode user = ok(created, 201);
            assertThat(created.contentType()).startsWith("application/scim+json");
            String id = user.get("id").asText();
            assertThat(user.get("userName").asText()).isEqualTo("adele.vance@atko.com");
            assertThat(user.get("active").asBoolean()).isTrue();
            assertThat(user.get("externalId").asText()).isEqualTo("00ujl29u0le5T6Aj10h7");
            assertThat(user.get("name").get("givenName").asText()).isEqualTo("Adele");
            assertThat(user.has("password")).as("a password is never returned").isFalse();
            assertThat(user.at("/meta/location").asText()).endsWith("/scim/v2/orgs/" + okta.orgId + "/Users/" + id);
            assertThat(user.at("/meta/created").asText()).isNotEmpty();
            assertThat(user.at("/meta/version").asText()).startsWith("W/\"");

            // 4. Get it by id.
            JsonNode got = ok(okta.get("Users/" + id), 200);
            assertThat(got.get("id").asText()).isEqualTo(id);
            assertThat(got.get("displayName").asText()).isEqualTo("Adele Vance");

            // 5. The filter finds it, in any letter case (userName is caseExact false).
            JsonNode found = ok(okta.get("Users?filter=" + q("userName eq \"ADELE.VANCE@ATKO.COM\"") + "&startIndex=1&count=100"), 200);
            assertThat(found.get("totalResults").asInt()).isEqualTo(1);
            assertThat(found.at("/Resources/0/id").asText()).isEqualTo(id);

            // 6. Creating it again is a 409 uniqueness.
            JsonNode dup = ok(okta.post("Users", body), 409);
            assertThat(dup.get("schemas").get(0).asText()).isEqualTo(ERROR);
            assertThat(dup.get("scimType").asText()).isEqualTo("uniqueness");
            assertThat(dup.get("status").asText()).isEqualTo("409");

            // 7. An id that does not exist is a 404 in SCIM's error format.
            JsonNode missing = ok(okta.get("Users/010-xxx-unknown-id"), 404);
            assertThat(missing.get("schemas").get(0).asText()).isEqualTo(ERROR);
            assertThat(missing.get("status").asText()).isEqualTo("404");

            // CRUD test: PUT replaces the profile.
            JsonNode replaced = ok(okta.put("Users/" + id, """
                    {"schemas":["%s"],"id":"%s","userName":"adele.vance@atko.com",
                     "name":{"givenName":"Adele","familyName":"Vance-Smith"},
                     "emails":[{"primary":true,"value":"adele.vance@atko.com","type":"work"}],
                     "displayName":"Adele Vance-Smith","externalId":"00ujl29u0le5T6Aj10h7","active":true}"""
                    .formatted(USER, id)), 200);
            assertThat(replaced.get("displayName").asText()).isEqualTo("Adele Vance-Smith");
            assertThat(replaced.at("/name/familyName").asText()).isEqualTo("Vance-Smith");
            assertThat(replaced.at("/meta/version").asText()).isNotEqualTo(user.at("/meta/version").asText());

            // Deactivate: Okta's PATCH replaces active without a path.
            JsonNode off = ok(okta.patch("Users/" + id, """
                    {"schemas":["%s"],"Operations":[{"op":"replace","value":{"active":false}}]}""".formatted(PATCH)), 200);
            assertThat(off.get("active").asBoolean()).isFalse();
            assertThat(app.ok(app.get("/v1/orgs/" + okta.orgId + "/members/" + id, TestApp.SYSTEM), 200).get("disabled").asBoolean())
                    .as("the member is disabled").isTrue();
            // Reactivate.
            JsonNode on = ok(okta.patch("Users/" + id, """
                    {"schemas":["%s"],"Operations":[{"op":"replace","value":{"active":true}}]}""".formatted(PATCH)), 200);
            assertThat(on.get("active").asBoolean()).isTrue();
        }
    }

    @Test
    void oktaGroupPushSequence() {
        try (TestApp app = TestApp.start(dir)) {
            ScimClient okta = ScimClient.connect(app, "admin");
            String a = ok(okta.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"a@atko.com\"}"), 201).get("id").asText();
            String b = ok(okta.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"b@atko.com\"}"), 201).get("id").asText();

            // Okta looks the group up by name, then creates it with its members.
            assertThat(ok(okta.get("Groups?filter=" + q("displayName eq \"Engineering\"")), 200).get("totalResults").asInt()).isZero();
            JsonNode g = ok(okta.post("Groups", """
                    {"schemas":["%s"],"displayName":"Engineering","members":[{"value":"%s","display":"a@atko.com"}]}"""
                    .formatted(GROUP, a)), 201);
            String gid = g.get("id").asText();
            assertThat(g.get("members")).hasSize(1);

            // Rename, add b and remove a: Okta sends them as separate operations of one PATCH.
            JsonNode patched = ok(okta.patch("Groups/" + gid, """
                    {"schemas":["%s"],"Operations":[
                      {"op":"replace","value":{"id":"%s","displayName":"Engineering EU"}},
                      {"op":"add","path":"members","value":[{"value":"%s","display":"b@atko.com"}]},
                      {"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(PATCH, gid, b, a)), 200);
            assertThat(patched.get("displayName").asText()).isEqualTo("Engineering EU");
            JsonNode team = app.ok(app.get("/v1/orgs/" + okta.orgId + "/teams/" + gid + "/members", TestApp.SYSTEM), 200);
            assertThat(team.get("items")).hasSize(1);
            assertThat(team.at("/items/0/organization/user/id").asText()).isEqualTo(b);

            // PUT replaces the members wholesale.
            ok(okta.put("Groups/" + gid, """
                    {"schemas":["%s"],"id":"%s","displayName":"Engineering EU","members":[{"value":"%s"},{"value":"%s"}]}"""
                    .formatted(GROUP, gid, a, b)), 200);
            assertThat(ok(okta.get("Groups/" + gid), 200).get("members")).hasSize(2);

            ok(okta.delete("Groups/" + gid), 204);
            ok(okta.get("Groups/" + gid), 404);
            app.ok(app.get("/v1/orgs/" + okta.orgId + "/teams/" + gid, TestApp.SYSTEM), 404);
        }
    }
}
