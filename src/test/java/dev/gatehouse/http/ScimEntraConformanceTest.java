package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.gatehouse.http.ScimClient.ok;
import static dev.gatehouse.http.ScimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft Entra ID's SCIM validator, request by request, as Microsoft documents its provisioning requests
 * ("Develop and plan provisioning for a SCIM endpoint"): users with the enterprise extension, get by id and by
 * userName filter, zero results, PATCH with capitalised ops and path filters, string booleans, disable,
 * delete; groups created, fetched without members, renamed, members added and removed, deleted.
 */
class ScimEntraConformanceTest {
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @TempDir
    Path dir;

    private static String createUser(String userName, String externalId) {
        return """
                {"schemas":["%s","%s"],"externalId":"%s","userName":"%s","active":true,
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[],
                 "%s":{"employeeNumber":"701984","department":"Tour Operations","costCenter":"4130",
                   "manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d"}}}"""
                .formatted(USER, ENTERPRISE, externalId, userName, userName, ENTERPRISE);
    }

    @Test
    void entraValidatorUserOperations() {
        try (TestApp app = TestApp.start(dir)) {
            ScimClient entra = ScimClient.connect(app, "admin");

            // Create User (with the enterprise extension: accepted, not kept).
            JsonNode user = ok(entra.post("Users", createUser("Test_User_ab6490ee@testuser.com", "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef")), 201);
            String id = user.get("id").asText();
            assertThat(user.get("userName").asText()).isEqualTo("test_user_ab6490ee@testuser.com");
            assertThat(user.get("externalId").asText()).isEqualTo("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
            assertThat(user.at("/name/formatted").asText()).isEqualTo("givenName familyName");
            assertThat(user.get("displayName").asText()).as("no displayName sent: the formatted name").isEqualTo("givenName familyName");

            // Get User.
            assertThat(ok(entra.get("Users/" + id), 200).get("id").asText()).isEqualTo(id);

            // Get User by query, and by externalId.
            JsonNode byName = ok(entra.get("Users?filter=" + q("userName eq \"Test_User_ab6490ee@testuser.com\"")), 200);
            assertThat(byName.get("totalResults").asInt()).isEqualTo(1);
            JsonNode byExternal = ok(entra.get("Users?filter=" + q("externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\"")), 200);
            assertThat(byExternal.at("/Resources/0/id").asText()).isEqualTo(id);

            // Get User by query - Zero results.
            assertThat(ok(entra.get("Users?filter=" + q("userName eq \"non-existent user\"")), 200).get("totalResults").asInt()).isZero();

            // Duplicate userName.
            assertThat(ok(entra.post("Users", createUser("test_user_AB6490EE@testuser.com", "other")), 409).get("scimType").asText())
                    .isEqualTo("uniqueness");

            // Update User [Multi-valued properties]: Entra's path filter and capitalised op.
            JsonNode multi = ok(entra.patch("Users/" + id, """
                    {"schemas":["%s"],"Operations":[
                      {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"updatedEmail@microsoft.com"},
                      {"op":"Replace","path":"name.familyName","value":"updatedFamilyName"}]}""".formatted(PATCH)), 200);
            assertThat(multi.at("/name/familyName").asText()).isEqualTo("updatedFamilyName");
            // Other emails are accepted and not kept: the one email is the userName (docs/scim.md).
            assertThat(multi.at("/emails/0/value").asText()).isEqualTo("test_user_ab6490ee@testuser.com");
            assertThat(multi.at("/name/givenName").asText()).isEqualTo("givenName");

            // Update User [Single-valued properties]: a new userName.
            JsonNode single = ok(entra.patch("Users/" + id, """
                    {"schemas":["%s"],"Operations":[
                      {"op":"Replace","path":"userName","value":"5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com"},
                      {"op":"Replace","path":"displayName","value":"Updated Name"}]}""".formatted(PATCH)), 200);
            assertThat(single.get("userName").asText()).isEqualTo("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com");
            assertThat(single.get("displayName").asText()).isEqualTo("Updated Name");

            // Disable User, with the string boolean Entra sends.
            JsonNode disabled = ok(entra.patch("Users/" + id, """
                    {"schemas":["%s"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""".formatted(PATCH)), 200);
            assertThat(disabled.get("active").asBoolean()).isFalse();
            ok(entra.patch("Users/" + id, """
                    {"schemas":["%s"],"Operations":[{"op":"Replace","path":"active","value":true}]}""".formatted(PATCH)), 200);

            // Delete User.
            ok(entra.delete("Users/" + id), 204);
            ok(entra.get("Users/" + id), 404);
            app.ok(app.get("/v1/orgs/" + entra.orgId + "/members/" + id, TestApp.SYSTEM), 404);
        }
    }

    @Test
    void entraValidatorGroupOperations() {
        try (TestApp app = TestApp.start(dir)) {
            ScimClient entra = ScimClient.connect(app, "admin");
            String member = ok(entra.post("Users", createUser("member@testuser.com", "m-1")), 201).get("id").asText();

            // Create Group.
            JsonNode g = ok(entra.post("Groups", """
                    {"externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName",
                     "meta":{"resourceType":"Group"},"schemas":["%s"]}""".formatted(GROUP)), 201);
            String gid = g.get("id").asText();
            assertThat(g.get("externalId").asText()).isEqualTo("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159");

            // Get Group, and by displayName, without members.
            JsonNode got = ok(entra.get("Groups/" + gid + "?excludedAttributes=members"), 200);
            assertThat(got.has("members")).isFalse();
            JsonNode byName = ok(entra.get("Groups?excludedAttributes=members&filter=" + q("displayName eq \"displayName\"")), 200);
            assertThat(byName.get("totalResults").asInt()).isEqualTo(1);

            // Update Group [Non-member attributes].
            ok(entra.patch("Groups/" + gid, """
                    {"schemas":["%s"],"Operations":[{"op":"Replace","path":"displayName","value":"1879db59updatedDisplayName"}]}"""
                    .formatted(PATCH)), 200);
            assertThat(ok(entra.get("Groups/" + gid), 200).get("displayName").asText()).isEqualTo("1879db59updatedDisplayName");

            // Update Group [Add Members].
            ok(entra.patch("Groups/" + gid, """
                    {"schemas":["%s"],"Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"}]}]}"""
                    .formatted(PATCH, member)), 200);
            JsonNode withMember = ok(entra.get("Groups?filter=" + q("members.value eq \"" + member + "\"")), 200);
            assertThat(withMember.at("/Resources/0/id").asText()).isEqualTo(gid);

            // Update Group [Remove Members], the way Entra sends it: a value list under the members path.
            ok(entra.patch("Groups/" + gid, """
                    {"schemas":["%s"],"Operations":[{"op":"Remove","path":"members","value":[{"$ref":null,"value":"%s"}]}]}"""
                    .formatted(PATCH, member)), 200);
            assertThat(ok(entra.get("Groups/" + gid), 200).path("members")).isEmpty();

            // Delete Group.
            ok(entra.delete("Groups/" + gid), 204);
            ok(entra.get("Groups/" + gid), 404);
        }
    }
}
