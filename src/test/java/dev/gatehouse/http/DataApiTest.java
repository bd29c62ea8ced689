package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /v1/orgs/{id}/export and POST /v1/orgs/{id}/import: an organization moved between two servers. */
class DataApiTest {
    @TempDir
    Path dir;
    TestApp source;
    TestApp target;
    String alice;
    String bob;
    String org;

    @BeforeEach
    void start() {
        source = TestApp.start(dir.resolve("source"));
        target = TestApp.start(dir.resolve("target"));
        alice = source.user("alice");
        bob = source.user("bob");
        org = source.org("Docs", "alice");
        source.member(org, "bob", "\"read\"");
        String space = source.space(org, alice, "{\"title\":\"Handbook\"}");
        source.team(org, alice, "Writers", "bob");
        source.ok(source.patch("/v1/spaces/" + space, alice, "{\"defaultLevel\":null}"), 200);
    }

    @AfterEach
    void stop() {
        source.close();
        target.close();
    }

    private TestApp.Res importInto(TestApp app, String orgId, String token, String ndjson) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.origin() + "/v1/orgs/" + orgId + "/import"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return app.send(b.build());
    }

    @Test
    void anOrganizationMovesToAnotherServerAndExportsTheSame() {
        TestApp.Res out = source.get("/v1/orgs/" + org + "/export", alice);
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(out.text()).startsWith("{\"format\":\"gatehouse-export\",\"version\":2,\"organizationId\":\"" + org + "\"}\n");

        TestApp.Res in = importInto(target, org, TestApp.SYSTEM, out.text());
        JsonNode done = target.ok(in, 200);
        assertThat(done.get("records").asInt()).isEqualTo(out.text().split("\n").length - 2);
        assertThat(done.get("written").asInt()).isEqualTo(done.get("records").asInt());
        assertThat(in.header("X-Gatehouse-Revision")).isEqualTo(Long.toString(target.revision()));

        TestApp.Res again = target.get("/v1/orgs/" + org + "/export", TestApp.SYSTEM);
        assertThat(again.text()).isEqualTo(out.text());
        // The members answer on the new server as they did on the old one.
        assertThat(target.ok(target.get("/v1/orgs/" + org + "/members/bob", TestApp.SYSTEM), 200).get("role").asText())
                .isEqualTo("read");

        long revision = target.revision();
        JsonNode twice = target.ok(importInto(target, org, TestApp.SYSTEM, out.text()), 200);
        assertThat(twice.get("written").asInt()).isZero();
        assertThat(target.revision()).isEqualTo(revision);
    }

    @Test
    void onlyAdminsExport() {
        assertThat(source.get("/v1/orgs/" + org + "/export", bob).status()).isEqualTo(403);
        String carol = source.user("carol");
        TestApp.Res r = source.get("/v1/orgs/" + org + "/export", carol);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").get("code").asInt()).isEqualTo(404);
    }

    @Test
    void aBadFileIsRefusedWithItsLineAndNothingIsWritten() {
        String text = source.get("/v1/orgs/" + org + "/export", alice).text();
        String[] lines = text.split("\n");
        String cut = text.substring(0, text.lastIndexOf("{\"kind\":\"end\""));
        long before = target.revision();
        TestApp.Res r = importInto(target, org, TestApp.SYSTEM, cut);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("error").get("message").asText())
                .startsWith("line " + (lines.length - 1) + ": the file ends without its closing line");
        TestApp.Res other = importInto(target, "someOtherOrg", TestApp.SYSTEM, text);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("error").get("message").asText()).startsWith("line 1: the file is of organization");
        TestApp.Res notAFile = importInto(target, org, TestApp.SYSTEM, "hello\n");
        assertThat(notAFile.status()).isEqualTo(400);
        assertThat(notAFile.json().get("error").get("message").asText()).startsWith("line 1: not valid JSON");
        // Without a token nothing is read at all.
        assertThat(importInto(target, org, null, text).status()).isEqualTo(401);
        assertThat(target.revision()).isEqualTo(before);
    }
}
