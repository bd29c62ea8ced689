package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.gatehouse.http.ScimClient.ok;
import static dev.gatehouse.http.ScimClient.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7644's own examples: create (3.3), filters (3.4.2.2), paging (3.4.2.4), attribute selection (3.4.2.5),
 * PATCH of group members (3.5.2.1 to 3.5.2.3), DELETE (3.6) and the discovery endpoints (4). The RFC's
 * userName "bjensen" is "bjensen@example.com" here: a Gatehouse userName is an email.
 */
class ScimRfcExamplesTest {
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @TempDir
    Path dir;

    @Test
    void theRfcExamples() {
        try (TestApp app = TestApp.start(dir)) {
            ScimClient scim = ScimClient.connect(app, "admin");

            // 3.3: creating a resource.
            JsonNode babs = ok(scim.post("Users", """
                    {"schemas":["%s"],"userName":"bjensen@example.com","externalId":"bjensen",
                     "name":{"formatted":"Ms. Barbara J Jensen III","familyName":"Jensen","givenName":"Barbara"}}""".formatted(USER)), 201);
            String bjensen = babs.get("id").asText();
            assertThat(babs.at("/meta/resourceType").asText()).isEqualTo("User");
            assertThat(babs.get("displayName").asText()).isEqualTo("Ms. Barbara J Jensen III");
            String jsmith = ok(scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"jsmith@example.org\"}"), 201)
                    .get("id").asText();

            // 3.4.2.2: filters.
            assertThat(ids(scim, "Users?filter=" + q("userName sw \"bj\""))).containsExactly(bjensen);
            assertThat(ids(scim, "Users?filter=" + q("emails.value co \"example.org\""))).containsExactly(jsmith);
            assertThat(ids(scim, "Users?filter=" + q("externalId pr"))).containsExactly(bjensen);
            assertThat(ids(scim, "Users?filter=" + q("userName eq \"bjensen@example.com\" or userName eq \"jsmith@example.org\"")))
                    .containsExactlyInAnyOrder(bjensen, jsmith);
            assertThat(ids(scim, "Users?filter=" + q("userName co \"example\" and externalId eq \"bjensen\""))).containsExactly(bjensen);
            assertThat(ids(scim, "Users?filter=" + q("displayName co \"Jensen\""))).containsExactly(bjensen);

            // 3.4.2.4: paging; three users (the admin too), two pages of two.
            JsonNode first = ok(scim.get("Users?startIndex=1&count=2"), 200);
            JsonNode second = ok(scim.get("Users?startIndex=3&count=2"), 200);
            assertThat(first.get("totalResults").asInt()).isEqualTo(3);
            assertThat(first.get("Resources")).hasSize(2);
            assertThat(second.get("Resources")).hasSize(1);
            assertThat(second.get("startIndex").asInt()).isEqualTo(3);

            // 3.4.2.5: attributes and excludedAttributes.
            JsonNode only = ok(scim.get("Users/" + bjensen + "?attributes=userName"), 200);
            assertThat(only.has("userName")).isTrue();
            assertThat(only.has("name")).isFalse();
            assertThat(only.has("id")).as("returned always").isTrue();
            JsonNode without = ok(scim.get("Users/" + bjensen + "?excludedAttributes=name,emails"), 200);
            assertThat(without.has("name")).isFalse();
            assertThat(without.has("userName")).isTrue();

            // 3.5.2.1 to 3.5.2.3: a group's members added, one removed by filter, all replaced, all removed.
            String group = ok(scim.post("Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"Tour Guides\"}"), 201)
                    .get("id").asText();
            ok(scim.patch("Groups/" + group, """
                    {"schemas":["%s"],"Operations":[{"op":"add","path":"members","value":[
                      {"display":"Babs Jensen","$ref":"https://example.com/v2/Users/%s","value":"%s"},
                      {"value":"%s"}]}]}""".formatted(PATCH, bjensen, bjensen, jsmith)), 200);
            assertThat(members(scim, group)).containsExactlyInAnyOrder(bjensen, jsmith);
            ok(scim.patch("Groups/" + group, """
                    {"schemas":["%s"],"Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}"""
                    .formatted(PATCH, bjensen)), 200);
            assertThat(members(scim, group)).containsExactly(jsmith);
            ok(scim.patch("Groups/" + group, """
                    {"schemas":["%s"],"Operations":[{"op":"replace","path":"members","value":[{"value":"%s"}]}]}"""
                    .formatted(PATCH, bjensen)), 200);
            assertThat(members(scim, group)).containsExactly(bjensen);
            ok(scim.patch("Groups/" + group, """
                    {"schemas":["%s"],"Operations":[{"op":"remove","path":"members"}]}""".formatted(PATCH)), 200);
            assertThat(members(scim, group)).isEmpty();

            // 3.6: DELETE, then the resource is gone.
            ok(scim.delete("Users/" + jsmith), 204);
            ok(scim.get("Users/" + jsmith), 404);

            // 4: discovery.
            JsonNode config = ok(scim.get("ServiceProviderConfig"), 200);
            assertThat(config.at("/patch/supported").asBoolean()).isTrue();
            assertThat(config.at("/filter/supported").asBoolean()).isTrue();
            assertThat(config.at("/filter/maxResults").asInt()).isEqualTo(1000);
            assertThat(config.at("/bulk/supported").asBoolean()).isFalse();
            JsonNode types = ok(scim.get("ResourceTypes"), 200);
            assertThat(types.toString()).contains("\"endpoint\":\"/Users\"", "\"endpoint\":\"/Groups\"");
            assertThat(ok(scim.get("Schemas"), 200).toString()).contains(USER, GROUP);
        }
    }

    private static java.util.List<String> ids(ScimClient scim, String query) {
        java.util.List<String> out = new java.util.ArrayList<>();
        ok(scim.get(query), 200).path("Resources").forEach(r -> out.add(r.get("id").asText()));
        return out;
    }

    private static java.util.List<String> members(ScimClient scim, String group) {
        java.util.List<String> out = new java.util.ArrayList<>();
        ok(scim.get("Groups/" + group), 200).path("members").forEach(m -> out.add(m.get("value").asText()));
        return out;
    }
}
