package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.gatehouse.http.ScimClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SCIM connections and what provisioning does to an organization: tokens shown once and revocable, a token
 * reaching its organization's SCIM only, a person invited earlier being the same user with their grants,
 * {@code active: false} stopping access at once, and every change one revision audited as {@code scim}.
 */
class ScimProvisioningTest {
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @TempDir
    Path dir;

    @Test
    void tokensAreShownOnceListedWithoutSecretsAndRevokedAtOnce() {
        try (TestApp app = TestApp.start(dir)) {
            String admin = app.user("admin");
            String org = app.org("Acme", "admin");
            String bob = app.user("bob");
            app.member(org, "bob", "\"edit\"");

            JsonNode issued = app.ok(app.post("/v1/orgs/" + org + "/scim-tokens", admin, "{\"label\":\"Okta\"}"), 201);
            String secret = issued.get("token").asText();
            assertThat(secret).startsWith("ghscim_");
            assertThat(issued.get("baseUrl").asText()).isEqualTo("http://localhost/scim/v2/orgs/" + org);
            TestApp.Res list = app.get("/v1/orgs/" + org + "/scim-tokens", admin);
            assertThat(app.ok(list, 200).get("items")).hasSize(1);
            assertThat(list.text()).doesNotContain(secret).contains("Okta");
            assertThat(app.get("/v1/orgs/" + org + "/scim-tokens", bob).status()).as("admins only").isEqualTo(403);
            assertThat(app.post("/v1/orgs/" + org + "/scim-tokens", bob, "{}").status()).isEqualTo(403);

            ScimClient scim = new ScimClient(app, org, secret);
            ok(scim.get("Users"), 200);
            // A SCIM token reaches nothing else.
            assertThat(app.get("/v1/orgs/" + org, secret).status()).isEqualTo(401);
            assertThat(app.get("/v1/user", secret).status()).isEqualTo(401);
            // And not another organization's SCIM.
            String other = app.org("Other", "admin");
            assertThat(new ScimClient(app, other, secret).get("Users").status()).isEqualTo(401);

            String tokenId = issued.get("id").asText();
            assertThat(app.delete("/v1/orgs/" + other + "/scim-tokens/" + tokenId, admin).status()).isEqualTo(404);
            assertThat(app.delete("/v1/orgs/" + org + "/scim-tokens/" + tokenId, admin).status()).isEqualTo(204);
            assertThat(scim.get("Users").status()).isEqualTo(401);
            assertThat(app.ok(app.get("/v1/orgs/" + org + "/scim-tokens", admin), 200).get("items")).isEmpty();
        }
    }

    @Test
    void aPersonInvitedEarlierIsTheSameUserWithTheirGrants() {
        try (TestApp app = TestApp.start(dir)) {
            ScimClient scim = ScimClient.connect(app, "admin");
            String admin = app.token("admin");
            app.ok(app.post("/v1/orgs/" + scim.orgId + "/invites", admin, "{\"emails\":[\"pat@example.com\"],\"role\":\"read\"}"), 200);
            String space = app.space(scim.orgId, admin, "{\"title\":\"Handbook\"}");
            JsonNode members = app.ok(app.get("/v1/orgs/" + scim.orgId + "/members?limit=100", admin), 200);
            String patId = null;
            for (JsonNode m : members.get("items")) {
                if ("pat@example.com".equals(m.at("/user/email").asText())) {
                    patId = m.at("/user/id").asText();
                }
            }
            assertThat(patId).isNotNull();
            app.ok(app.post("/v1/spaces/" + space + "/permissions", admin,
                    "{\"role\":\"edit\",\"users\":[\"" + patId + "\"]}"), 204);

            JsonNode user = ok(scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"Pat@Example.com\",\"displayName\":\"Pat\"}"), 201);
            assertThat(user.get("id").asText()).isEqualTo(patId);
            JsonNode grants = app.ok(app.get("/v1/spaces/" + space + "/permissions/users", admin), 200);
            assertThat(grants.toString()).contains(patId).contains("edit");
        }
    }

    @Test
    void aListByUserNameIsAnsweredAsTheWholeListFilteredWouldBe() {
        try (TestApp app = TestApp.start(dir)) {
            ScimClient scim = ScimClient.connect(app, "admin");
            String admin = app.token("admin");
            ok(scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"alice@example.com\"}"), 201);
            ok(scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"ike@example.com\"}"), 201);
            // A member SCIM did not provision, and a user of the installation who is no member.
            app.ok(app.post("/v1/orgs/" + scim.orgId + "/invites", admin, "{\"emails\":[\"pat@example.com\"],\"role\":\"read\"}"), 200);
            app.user("stranger");
            for (String sought : List.of("alice@example.com", "ALICE@Example.COM", "pat@example.com", "ike@example.com",
                    "\u0131ke@example.com", "nobody@example.com", "stranger@example.com", " alice@example.com", "alice")) {
                String quoted = "\"" + sought + "\"";
                // 'and userName pr' is always true, and makes the SDK filter the whole list: the answer to match.
                assertThat(ids(scim, "userName eq " + quoted)).as(sought)
                        .isEqualTo(ids(scim, "userName eq " + quoted + " and userName pr"));
            }
            assertThat(ids(scim, "userName eq \"ALICE@example.com\"")).hasSize(1);
            assertThat(ids(scim, "userName eq \"stranger@example.com\"")).isEmpty();

            // An email a comparison ignoring case folds onto another ('\u017f' is a long s): the answer is
            // still the whole list's, which holds that member.
            app.ok(app.post("/v1/users", TestApp.SYSTEM, "{\"id\":\"sam\",\"displayName\":\"Sam\",\"email\":\"\u017fam@example.com\"}"), 201);
            app.ok(app.post("/v1/orgs/" + scim.orgId + "/invites", admin, "{\"emails\":[\"\u017fam@example.com\"],\"role\":\"read\"}"), 200);
            for (String sought : List.of("sam@example.com", "alice@example.com", "nobody@example.com")) {
                String quoted = "\"" + sought + "\"";
                assertThat(ids(scim, "userName eq " + quoted)).as(sought)
                        .isEqualTo(ids(scim, "userName eq " + quoted + " and userName pr"));
            }
        }
    }

    private static java.util.Set<String> ids(ScimClient scim, String filter) {
        JsonNode list = ok(scim.get("Users?filter=" + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8)), 200);
        java.util.Set<String> out = new java.util.TreeSet<>();
        list.path("Resources").forEach(r -> out.add(r.get("id").asText()));
        assertThat(list.get("totalResults").asInt()).isEqualTo(out.size());
        return out;
    }

    @Test
    void inactiveStopsAccessAtOnceAndEveryChangeIsOneAuditedRevision() {
        try (TestApp app = TestApp.start(dir)) {
            ScimClient scim = ScimClient.connect(app, "admin");
            String admin = app.token("admin");
            String rob = app.user("rob");
            String space = app.space(scim.orgId, admin, "{\"title\":\"Handbook\"}");

            long before = app.revision();
            JsonNode user = ok(scim.post("Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"rob@example.com\",\"externalId\":\"okta-rob\"}"), 201);
            assertThat(app.revision()).as("one write, one revision").isEqualTo(before + 1);
            assertThat(user.get("id").asText()).as("rob's existing account").isEqualTo("rob");
            app.ok(app.post("/v1/spaces/" + space + "/permissions", admin, "{\"role\":\"read\",\"users\":[\"rob\"]}"), 204);
            assertThat(app.get("/v1/spaces/" + space, rob).status()).isEqualTo(200);

            ok(scim.patch("Users/rob", "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}"), 200);
            assertThat(app.get("/v1/spaces/" + space, rob).status()).as("access stops at once").isEqualTo(404);
            assertThat(app.ok(app.get("/v1/spaces/" + space + "/permissions/users", admin), 200).toString())
                    .as("nothing is deleted").contains("rob");

            ok(scim.patch("Users/rob", "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}"), 200);
            assertThat(app.get("/v1/spaces/" + space, rob).status()).isEqualTo(200);

            ok(scim.delete("Users/rob"), 204);
            assertThat(app.get("/v1/spaces/" + space, rob).status()).isEqualTo(404);
            assertThat(app.get("/v1/users/rob", TestApp.SYSTEM).status()).as("the user stays; the membership goes").isEqualTo(200);

            JsonNode log = app.ok(app.get("/v1/orgs/" + scim.orgId + "/audit-log?limit=100", admin), 200);
            StringBuilder byScim = new StringBuilder();
            for (JsonNode e : log.get("items")) {
                if ("scim".equals(e.at("/actor/type").asText())) {
                    byScim.append(e.get("action").asText()).append(' ');
                }
            }
            assertThat(byScim.toString()).contains("member.added", "member.disabled", "member.enabled", "member.removed",
                    "grant.removed");
        }
    }
}
