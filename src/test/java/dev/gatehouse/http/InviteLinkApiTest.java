package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invite links, joining through them and by email domain, and the SSO flag, through the HTTP API. */
class InviteLinkApiTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String bob;
    String carol;
    String org;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        bob = app.user("bob");
        carol = app.user("carol");
        org = app.org("Docs", "alice");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private JsonNode link(String body) {
        return app.ok(app.post("/v1/orgs/" + org + "/link-invites", alice, body), 201);
    }

    private TestApp.Res join(String id, String token) {
        return app.post("/v1/orgs/" + org + "/invites/" + id, token, null);
    }

    private String role(String user) {
        JsonNode m = app.ok(app.get("/v1/orgs/" + org + "/members/" + user, alice), 200);
        return m.get("role").isNull() ? "guest" : m.get("role").asText();
    }

    /** A refused join: the status, and nothing written. */
    private void refused(String id, String token, int status) {
        long before = app.revision();
        TestApp.Res r = join(id, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().get("error").get("code").asInt()).isEqualTo(status);
        assertThat(app.revision()).isEqualTo(before);
    }

    @Test
    void aLinkToTheOrganizationMakesTheJoinerAMemberOnceAndCountsTheUse() {
        JsonNode l = link("{\"role\":\"edit\",\"maxUses\":5}");
        String id = l.get("id").asText();
        assertThat(id).hasSizeGreaterThanOrEqualTo(32);
        assertThat(l.get("object").asText()).isEqualTo("invite");
        assertThat(l.get("role").asText()).isEqualTo("edit");
        assertThat(l.get("redundant").asBoolean()).isTrue();
        assertThat(l.get("uses").asInt()).isZero();

        assertThat(app.ok(join(id, bob), 200).get("redundant").asBoolean()).isFalse();
        assertThat(role("bob")).isEqualTo("edit");
        long after = app.revision();
        assertThat(app.ok(join(id, bob), 200).get("redundant").asBoolean()).isTrue();
        assertThat(app.revision()).isEqualTo(after);
        assertThat(app.ok(app.get("/v1/orgs/" + org + "/link-invites/" + id, alice), 200).get("uses").asInt()).isOne();

        JsonNode audit = app.ok(app.get("/v1/orgs/" + org + "/audit-log", alice), 200);
        assertThat(audit.toString()).contains("member.joined_by_link").contains(l.get("ref").asText()).doesNotContain(id);
    }

    @Test
    void joiningNeverLowersARole() {
        app.member(org, "bob", "\"admin\"");
        String id = link("{\"role\":\"read\"}").get("id").asText();
        long before = app.revision();
        assertThat(app.ok(join(id, bob), 200).get("redundant").asBoolean()).isTrue();
        assertThat(role("bob")).isEqualTo("admin");
        assertThat(app.revision()).isEqualTo(before);
    }

    @Test
    void aGuestJoiningAnOrganizationLinkIsRaisedToItsRole() {
        app.member(org, "bob", "null");
        String id = link("{\"role\":\"comment\"}").get("id").asText();
        app.ok(join(id, bob), 200);
        assertThat(role("bob")).isEqualTo("comment");
    }

    @Test
    void aLinkToASpaceMakesANewcomerAGuestWithThatLevel() {
        String space = app.space(org, alice, "{\"title\":\"Guides\"}");
        JsonNode l = link("{\"level\":\"edit\",\"space\":\"" + space + "\"}");
        assertThat(l.get("level").asText()).isEqualTo("edit");
        assertThat(l.get("space").get("id").asText()).isEqualTo(space);
        assertThat(l.has("role")).as("GitBook's oneOf tells a link to content by its lack of role").isFalse();
        JsonNode listed = app.ok(app.get("/v1/orgs/" + org + "/link-invites", alice), 200).get("items").get(0);
        assertThat(listed.get("role").isNull()).as("GitBook's list items are InviteLinkToOrganization").isTrue();
        assertThat(listed.get("level").asText()).isEqualTo("edit");
        app.ok(join(l.get("id").asText(), carol), 200);
        assertThat(role("carol")).isEqualTo("guest");
        JsonNode users = app.ok(app.get("/v1/spaces/" + space + "/permissions/users", alice), 200);
        assertThat(users.toString()).contains("carol").contains("edit");
        assertThat(app.ok(join(l.get("id").asText(), carol), 200).get("redundant").asBoolean()).isTrue();
        JsonNode audit = app.ok(app.get("/v1/orgs/" + org + "/audit-log", alice), 200);
        assertThat(audit.toString()).contains("grant.joined_by_link");
    }

    @Test
    void anExhaustedLinkIsGoneButItsJoinerStaysRedundant() {
        String id = link("{\"role\":\"read\",\"maxUses\":1}").get("id").asText();
        app.ok(join(id, bob), 200);
        refused(id, carol, 410);
        assertThat(app.ok(join(id, bob), 200).get("redundant").asBoolean()).isTrue();
    }

    @Test
    void deactivatedDeletedForgedAndForeignLinksAreRefused() {
        String id = link("{\"role\":\"read\"}").get("id").asText();
        JsonNode off = app.ok(app.patch("/v1/orgs/" + org + "/link-invites/" + id, alice, "{\"active\":false}"), 200);
        assertThat(off.get("active").asBoolean()).isFalse();
        refused(id, bob, 410);

        refused("f0rged0000000000000000000000000000000000", bob, 404);

        app.user("dave");
        String other = app.org("Other", "dave");
        long before = app.revision();
        TestApp.Res foreign = app.post("/v1/orgs/" + other + "/invites/" + id, bob, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(app.revision()).isEqualTo(before);

        assertThat(app.delete("/v1/orgs/" + org + "/link-invites/" + id, alice).status()).isEqualTo(205);
        assertThat(app.delete("/v1/orgs/" + org + "/link-invites/" + id, alice).status()).isEqualTo(404);
        refused(id, bob, 404);
        assertThat(app.get("/v1/orgs/" + org + "/link-invites/" + id, alice).status()).isEqualTo(404);
    }

    @Test
    void anExpiredLinkIsGone() throws Exception {
        String soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString();
        String id = link("{\"role\":\"read\",\"expiresAt\":\"" + soon + "\"}").get("id").asText();
        Thread.sleep(Instant.parse(soon).toEpochMilli() - System.currentTimeMillis() + 200);
        refused(id, bob, 410);
    }

    @Test
    void badBoundsAndBodiesAre400AndWriteNothing() {
        long before = app.revision();
        String past = Instant.now().minusSeconds(60).toString();
        String far = Instant.now().plus(400, ChronoUnit.DAYS).toString();
        for (String body : new String[] {"{\"role\":\"read\",\"expiresAt\":\"" + past + "\"}",
                "{\"role\":\"read\",\"expiresAt\":\"" + far + "\"}", "{\"role\":\"read\",\"expiresAt\":\"tomorrow\"}",
                "{\"role\":\"read\",\"expiresAt\":5}", "{\"role\":\"read\",\"maxUses\":0}",
                "{\"role\":\"read\",\"maxUses\":1.5}", "{\"role\":\"boss\"}", "{}", "{\"level\":\"read\"}",
                "{\"level\":null,\"space\":\"nope\"}"}) {
            TestApp.Res r = app.post("/v1/orgs/" + org + "/link-invites", alice, body);
            assertThat(r.status()).as(body + " -> " + r).isEqualTo(400);
        }
        assertThat(app.revision()).isEqualTo(before);
    }

    @Test
    void onlyThoseWhoMayShareMakeAndSeeLinks() {
        app.member(org, "bob", "\"edit\"");
        String space = app.space(org, alice, "{\"title\":\"Guides\"}");
        assertThat(app.post("/v1/orgs/" + org + "/link-invites", bob, "{\"role\":\"read\"}").status()).isEqualTo(403);
        app.ok(app.post("/v1/spaces/" + space + "/permissions", alice, "{\"role\":\"admin\",\"users\":[\"bob\"]}"), 204);
        String mine = app.ok(app.post("/v1/orgs/" + org + "/link-invites", bob,
                "{\"level\":\"comment\",\"space\":\"" + space + "\"}"), 201).get("id").asText();
        String orgLink = link("{\"role\":\"read\"}").get("id").asText();
        JsonNode bobs = app.ok(app.get("/v1/orgs/" + org + "/link-invites", bob), 200);
        assertThat(bobs.get("items")).hasSize(1);
        assertThat(bobs.get("items").get(0).get("id").asText()).isEqualTo(mine);
        assertThat(app.ok(app.get("/v1/orgs/" + org + "/link-invites", alice), 200).get("items")).hasSize(2);
        assertThat(app.get("/v1/orgs/" + org + "/link-invites/" + orgLink, bob).status()).isEqualTo(404);
        assertThat(app.get("/v1/orgs/" + org + "/link-invites", carol).status()).isEqualTo(404);
    }

    @Test
    void aDisabledMemberCannotJoinBackThroughALink() {
        app.member(org, "bob", "\"read\"");
        app.ok(app.patch("/v1/orgs/" + org + "/members/bob", alice, "{\"disabled\":true}"), 200);
        refused(link("{\"role\":\"edit\"}").get("id").asText(), bob, 403);
    }

    @Test
    void theAccessLogLeavesTheInviteIdOut() {
        assertThat(AccessLog.redact("/v1/orgs/o1/invites/s3cret")).isEqualTo("/v1/orgs/o1/invites/{inviteId}");
        assertThat(AccessLog.redact("/v1/orgs/o1/link-invites/s3cret")).isEqualTo("/v1/orgs/o1/link-invites/{inviteId}");
        assertThat(AccessLog.redact("/v1/orgs/o1/link-invites")).isEqualTo("/v1/orgs/o1/link-invites");
        assertThat(AccessLog.redact("/v1/orgs/o1/invites")).isEqualTo("/v1/orgs/o1/invites");
    }

    @Test
    void joiningByEmailDomainGivesTheDefaultRole() {
        long before = app.revision();
        assertThat(app.post("/v1/orgs/" + org + "/join", bob, null).status()).isEqualTo(404);
        app.ok(app.patch("/v1/orgs/" + org, alice, "{\"emailDomains\":[\"Example.com\"],\"defaultRole\":\"comment\"}"), 200);
        assertThat(app.ok(app.get("/v1/orgs/" + org, alice), 200).get("emailDomains").toString())
                .isEqualTo("[\"example.com\"]");
        assertThat(app.post("/v1/orgs/" + org + "/join", bob, null).status()).isEqualTo(204);
        assertThat(role("bob")).isEqualTo("comment");
        long joined = app.revision();
        assertThat(app.post("/v1/orgs/" + org + "/join", bob, null).status()).isEqualTo(204);
        assertThat(app.revision()).isEqualTo(joined);

        app.ok(app.post("/v1/users", TestApp.SYSTEM, "{\"id\":\"eve\",\"displayName\":\"Eve\",\"email\":\"eve@elsewhere.org\"}"), 201);
        String eve = app.token("eve");
        long now = app.revision();
        assertThat(app.post("/v1/orgs/" + org + "/join", eve, null).status()).isEqualTo(400);
        assertThat(app.revision()).isEqualTo(now);
        assertThat(app.patch("/v1/orgs/" + org, alice, "{\"emailDomains\":[\"not a domain\"]}").status()).isEqualTo(400);
        assertThat(before).isLessThan(now);
    }

    @Test
    void theSsoFlagIsSetByAdminsAndShown() {
        app.member(org, "bob", "\"read\"");
        assertThat(app.post("/v1/orgs/" + org + "/members/bob/sso", bob, null).status()).isEqualTo(403);
        JsonNode m = app.ok(app.post("/v1/orgs/" + org + "/members/bob/sso", alice, null), 200);
        assertThat(m.get("sso").asBoolean()).isTrue();
        assertThat(app.ok(app.get("/v1/orgs/" + org + "/members", alice), 200).toString()).contains("\"sso\":true");
        assertThat(app.post("/v1/orgs/" + org + "/members/nobody/sso", alice, null).status()).isEqualTo(404);
    }
}
