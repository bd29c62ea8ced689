package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotencyTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String org;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        org = app.org("Acme", "alice");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private TestApp.Res send(String method, String path, String token, String key, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.origin() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return app.send(b.build());
    }

    private int spaces() {
        return app.ok(app.get("/v1/orgs/" + org + "/spaces", alice), 200).get("items").size();
    }

    @Test
    void aReplayedTokenCreationWithholdsTheTokenAndSaysSo() {
        TestApp.Res first = send("POST", "/v1/users/alice/tokens", alice, "token-key", "{\"label\":\"ci\"}");
        assertThat(first.status()).isEqualTo(201);
        String token = first.json().get("token").asText();

        TestApp.Res again = send("POST", "/v1/users/alice/tokens", alice, "token-key", "{\"label\":\"ci\"}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text()).doesNotContain(token);
        assertThat(again.json().has("token")).isFalse();
        assertThat(again.json().get("withheld").toString()).isEqualTo("[\"token\"]");
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.json().get("label")).isEqualTo(first.json().get("label"));
        assertThat(again.header("X-Gatehouse-Revision")).isEqualTo(first.header("X-Gatehouse-Revision"));
        // The token of the first answer works, and the replay made no second one.
        assertThat(app.get("/v1/user", token).status()).isEqualTo(200);
        assertThat(app.ok(app.get("/v1/users/alice/tokens", alice), 200).get("items")).hasSize(2);
    }

    @Test
    void aRetriedCreateReturnsTheFirstAnswerAndCreatesOnce() {
        TestApp.Res first = send("POST", "/v1/orgs/" + org + "/spaces", alice, "key-1", "{\"title\":\"Guides\"}");
        assertThat(first.status()).isEqualTo(201);
        long revision = app.revision();

        TestApp.Res again = send("POST", "/v1/orgs/" + org + "/spaces", alice, "key-1", "{\"title\":\"Guides\"}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("X-Gatehouse-Revision")).isEqualTo(first.header("X-Gatehouse-Revision"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(app.revision()).isEqualTo(revision);
        assertThat(spaces()).isEqualTo(1);

        // Without a key, or with another one, it is a new request.
        assertThat(send("POST", "/v1/orgs/" + org + "/spaces", alice, "key-2", "{\"title\":\"Guides\"}").status())
                .isEqualTo(201);
        assertThat(spaces()).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherRequestIsA422AndChangesNothing() {
        send("POST", "/v1/orgs/" + org + "/spaces", alice, "k", "{\"title\":\"Guides\"}");
        long revision = app.revision();
        TestApp.Res other = send("POST", "/v1/orgs/" + org + "/spaces", alice, "k", "{\"title\":\"Other\"}");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("error").get("code").asInt()).isEqualTo(422);
        assertThat(other.json().get("error").get("message").asText()).contains("Idempotency-Key");
        TestApp.Res otherPath = send("PATCH", "/v1/orgs/" + org, alice, "k", "{\"title\":\"Guides\"}");
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(app.revision()).isEqualTo(revision);
        assertThat(spaces()).isEqualTo(1);
    }

    @Test
    void refusalsAreRepeatedTooAndKeysBelongToTheirCaller() {
        TestApp.Res refused = send("POST", "/v1/orgs/" + org + "/spaces", alice, "k", "{\"title\":\"\"}");
        assertThat(refused.status()).isEqualTo(400);
        TestApp.Res again = send("POST", "/v1/orgs/" + org + "/spaces", alice, "k", "{\"title\":\"\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json()).isEqualTo(refused.json());

        String bob = app.user("bob");
        app.member(org, "bob", "\"admin\"");
        TestApp.Res bobs = send("POST", "/v1/orgs/" + org + "/spaces", bob, "k", "{\"title\":\"Bob's\"}");
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void deletesAndPatchesAreIdempotentByKeyAsWell() {
        String space = app.space(org, alice, "{\"title\":\"Gone soon\"}");
        TestApp.Res first = send("DELETE", "/v1/spaces/" + space, alice, "del", null);
        TestApp.Res again = send("DELETE", "/v1/spaces/" + space, alice, "del", null);
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void malformedKeysAreRefused() {
        for (String bad : new String[] {"", "has space", "x".repeat(256)}) {
            TestApp.Res r = send("POST", "/v1/orgs/" + org + "/spaces", alice, bad, "{\"title\":\"T\"}");
            assertThat(r.status()).as("'%s'", bad).isEqualTo(400);
        }
        assertThat(spaces()).isZero();
    }
}
