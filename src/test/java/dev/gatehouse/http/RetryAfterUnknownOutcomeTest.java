package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.gatehouse.store.FaultyStore;
import dev.gatehouse.store.sqlite.SqliteStore;
import dev.gatehouse.testlog.ExpectedLog;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write whose connection broke during its commit is answered "outcome unknown, retry with the same
 * Idempotency-Key", and that retry is exact: when the first attempt landed, it is not made a second time
 * (the key was marked in the write's own transaction); when it did not, the retry makes it.
 */
class RetryAfterUnknownOutcomeTest {
    @TempDir
    Path dir;
    private FaultyStore store;
    private TestApp app;
    private String alice;
    private String org;

    @BeforeEach
    void start() {
        app = TestApp.start(() -> store = new FaultyStore(SqliteStore.open(dir.resolve("gatehouse.db"))));
        alice = app.user("alice");
        org = app.org("Acme", "alice");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private TestApp.Res create(String key, String title) {
        return app.send(HttpRequest.newBuilder(URI.create(app.origin() + "/v1/orgs/" + org + "/spaces"))
                .header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}")).build());
    }

    private long spacesTitled(String title) {
        var items = app.ok(app.get("/v1/orgs/" + org + "/spaces", alice), 200).get("items");
        long n = 0;
        for (var s : items) {
            n += s.get("title").asText().equals(title) ? 1 : 0;
        }
        return n;
    }

    /** Past the short pause in which writes are refused after a failure without trying the store. */
    private TestApp.Res retryOnceTheStoreIsBack(String key, String title) throws InterruptedException {
        store.fault = FaultyStore.Fault.NONE;
        for (int i = 0; i < 60; i++) {
            TestApp.Res r = create(key, title);
            if (r.status() != 503) {
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("writes did not recover");
    }

    @Test
    void aRetryOfAWriteThatLandedIsNotMadeTwice() throws Exception {
        store.fault = FaultyStore.Fault.UNKNOWN_BUT_COMMITTED;
        TestApp.Res first = create("k-landed", "Guides");
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().get("error").get("message").asText()).contains("may or may not have been written")
                .contains("Idempotency-Key");
        assertThat(first.header("X-Gatehouse-Revision")).isNotNull();

        TestApp.Res retry = retryOnceTheStoreIsBack("k-landed", "Guides");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
        assertThat(retry.json().get("error").get("message").asText()).contains("was written at revision")
                .contains("will not be done twice");
        // The node learnt the landed write from the changelog: exactly one space, none made by the retry.
        app.services().follower().catchUp();
        assertThat(spacesTitled("Guides")).isEqualTo(1);
    }

    @Test
    void aRetryOfAWriteThatDidNotLandMakesIt() throws Exception {
        store.fault = FaultyStore.Fault.UNKNOWN_AND_LOST;
        TestApp.Res first = create("k-lost", "Plans");
        assertThat(first.status()).isEqualTo(503);
        assertThat(spacesTitled("Plans")).isZero();

        TestApp.Res retry = retryOnceTheStoreIsBack("k-lost", "Plans");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(spacesTitled("Plans")).isEqualTo(1);
        // And the retry's answer is kept like any other: a third send replays it.
        TestApp.Res third = create("k-lost", "Plans");
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(spacesTitled("Plans")).isEqualTo(1);
    }

    @Test
    void aWriteWhoseAnswerCannotBeStoredIsStillAnsweredAsWrittenAndItsRetryIsNotMadeTwice() throws Exception {
        // The database goes right after the commit: the write landed, only its idempotent answer is lost.
        store.answersFail = true;
        try (ExpectedLog log = ExpectedLog.of("dev.gatehouse.service.IdempotencyService")) {
            TestApp.Res first = create("k-answer-lost", "Roadmap");
            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            assertThat(log.has(Level.WARN, "was not stored")).as(log.describe()).isTrue();
        }
        assertThat(spacesTitled("Roadmap")).isEqualTo(1);

        store.answersFail = false;
        TestApp.Res retry = create("k-answer-lost", "Roadmap");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(409);
        assertThat(retry.json().get("error").get("message").asText()).contains("was written at revision");
        assertThat(spacesTitled("Roadmap")).isEqualTo(1);
    }

    @Test
    void aFailureWhoseKeyCannotBeReleasedKeepsItsOwnAnswer() {
        store.fault = FaultyStore.Fault.UNKNOWN_AND_LOST;
        store.answersFail = true;
        try (ExpectedLog log = ExpectedLog.of("dev.gatehouse.service.IdempotencyService")) {
            TestApp.Res first = create("k-release-lost", "Plans");
            assertThat(first.status()).isEqualTo(503);
            assertThat(first.json().get("error").get("message").asText()).contains("outcome of the write is unknown");
            assertThat(log.has(Level.WARN, "could not be released")).as(log.describe()).isTrue();
        }
    }
}
