package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.clock.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expiring access through the API, on a server whose clock the test moves: {@code expiresAt} is accepted on
 * every kind of grant, refused (400, nothing written) when it is not a time, in the past or more than a year
 * ahead, and answered in the lists, the aggregates and explanations; access ends at the instant exactly,
 * in every answer; and the sweep then records {@code grant.expired} by the system, which webhooks receive.
 */
class ExpiringAccessTest {
    @TempDir
    Path dir;
    private final MovableClock clock = MovableClock.atSystemTime();
    private TestApp app;
    private String alice;
    private String bob;
    private String org;
    private String space;
    private Instant expiry;

    @BeforeEach
    void start() {
        app = TestApp.start(dir, clock);
        alice = app.user("alice");
        bob = app.user("bob");
        org = app.org("Acme", "alice");
        app.member(org, "bob", "\"read\"");
        space = app.space(org, alice, "{\"title\":\"Guides\",\"defaultLevel\":null}");
        expiry = clock.instant().plus(Duration.ofHours(2));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String at(Instant t) {
        return TestApp.quote(t.toString());
    }

    private JsonNode check(String user) {
        return app.ok(app.post("/v1/permissions/check", TestApp.SYSTEM, "{\"items\":[{\"user\":\"" + user
                + "\",\"resource\":{\"type\":\"space\",\"id\":\"" + space + "\"},\"role\":\"edit\"}]}"), 200)
                .get("items").get(0);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void everyKindOfGrantTakesAnExpiryAndEveryListAndExplanationAnswersIt() {
        String team = app.team(org, alice, "Writers", "bob");
        String collection = app.collection(org, alice, "{\"title\":\"Handbook\"}");
        String page = app.ok(app.post("/v1/spaces/" + space + "/pages", alice, "{\"title\":\"Intro\"}"), 201)
                .get("id").asText();
        String site = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Docs\",\"spaces\":[\"" + space
                + "\"]}"), 201).get("id").asText();
        // An offset other than Z is the same instant; it is answered in UTC.
        String withOffset = TestApp.quote(expiry.atOffset(ZoneOffset.ofHours(2)).toString());
        app.ok(app.post("/v1/spaces/" + space + "/permissions", alice, "{\"role\":\"edit\",\"users\":[\"bob\"],"
                + "\"expiresAt\":" + withOffset + "}"), 204);
        app.ok(app.patch("/v1/collections/" + collection + "/permissions/users/bob", alice, "{\"role\":\"comment\","
                + "\"expiresAt\":" + at(expiry) + "}"), 204);
        app.ok(app.patch("/v1/spaces/" + space + "/pages/" + page + "/permissions/teams/" + team, alice,
                "{\"role\":\"review\",\"expiresAt\":" + at(expiry) + "}"), 204);
        app.ok(app.post("/v1/orgs/" + org + "/sites/" + site + "/permissions", alice, "{\"role\":\"read\",\"teams\":[\""
                + team + "\"],\"expiresAt\":" + at(expiry) + "}"), 204);

        String when = expiry.toString();
        JsonNode users = app.ok(app.get("/v1/spaces/" + space + "/permissions/users", alice), 200).get("items");
        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("expiresAt").asText()).isEqualTo(when);
        assertThat(app.ok(app.get("/v1/collections/" + collection + "/permissions/users", alice), 200)
                .at("/items/0/expiresAt").asText()).isEqualTo(when);
        assertThat(app.ok(app.get("/v1/spaces/" + space + "/pages/" + page + "/permissions/teams", alice), 200)
                .at("/items/0/expiresAt").asText()).isEqualTo(when);
        assertThat(app.ok(app.get("/v1/orgs/" + org + "/sites/" + site + "/permissions/teams", alice), 200)
                .at("/items/0/expiresAt").asText()).isEqualTo(when);

        JsonNode aggregate = app.ok(app.get("/v1/spaces/" + space + "/permissions/aggregate", alice), 200).get("items");
        assertThat(aggregate).hasSize(2);
        for (JsonNode item : aggregate) {
            boolean isBob = item.at("/user/id").asText().equals("bob");
            assertThat(item.has("expiresAt")).as("only bob's permission comes from an expiring grant").isEqualTo(isBob);
        }
        JsonNode explain = app.ok(app.get("/v1/spaces/" + space + "/pages/" + page + "/permissions/users/bob/explain",
                alice), 200);
        assertThat(explain.get("permission").asText()).isEqualTo("review");
        assertThat(explain.at("/steps/0/rule").asText()).isEqualTo("team-grant");
        assertThat(explain.at("/steps/0/expiresAt").asText()).isEqualTo(when);
        JsonNode explained = app.ok(app.get("/v1/spaces/" + space + "/permissions/aggregate?explain=true", alice), 200);
        assertThat(explained.toString()).contains("\"expiresAt\":\"" + when + "\"");
        JsonNode siteAggregate = app.ok(app.get("/v1/orgs/" + org + "/sites/" + site + "/permissions/aggregate", alice),
                200).get("items");
        JsonNode bobOnSite = null;
        for (JsonNode item : siteAggregate) {
            if (item.at("/user/id").asText().equals("bob")) {
                bobOnSite = item;
            }
        }
        assertThat(bobOnSite).isNotNull();
        assertThat(bobOnSite.get("expiresAt").asText()).isEqualTo(when);

        // Given again without an expiry, the grant is permanent.
        app.ok(app.patch("/v1/spaces/" + space + "/permissions/users/bob", alice, "{\"role\":\"edit\"}"), 204);
        assertThat(app.ok(app.get("/v1/spaces/" + space + "/permissions/users", alice), 200).at("/items/0")
                .has("expiresAt")).isFalse();
    }

    @Test
    void anExpiryThatIsNotATimeIsPastOrTooFarAheadIsA400AndChangesNothing() {
        Instant now = clock.instant();
        Instant yearAhead = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        List<String> bad = List.of("\"tomorrow\"", "\"2027-03-01T09:00:00\"", "\"2027-02-30T09:00:00Z\"", "42", "{}",
                at(now), at(now.minusSeconds(60)), at(yearAhead.plusSeconds(1)));
        String revision = app.get("/v1/spaces/" + space + "/permissions/users", alice).header("X-Gatehouse-Revision");
        List<String> paths = List.of("/v1/spaces/" + space + "/permissions", "/v1/spaces/" + space
                + "/permissions/users/bob");
        for (String value : bad) {
            TestApp.Res invite = app.post(paths.get(0), alice, "{\"role\":\"edit\",\"users\":[\"bob\"],\"expiresAt\":"
                    + value + "}");
            TestApp.Res patch = app.patch(paths.get(1), alice, "{\"role\":\"edit\",\"expiresAt\":" + value + "}");
            for (TestApp.Res r : List.of(invite, patch)) {
                assertThat(r.status()).as("expiresAt %s: %s", value, r).isEqualTo(400);
                assertThat(r.json().at("/error/code").asInt()).isEqualTo(400);
                assertThat(r.json().at("/error/message").asText()).contains("expiresAt");
            }
        }
        TestApp.Res after = app.get("/v1/spaces/" + space + "/permissions/users", alice);
        assertThat(after.json().get("items")).isEmpty();
        assertThat(after.header("X-Gatehouse-Revision")).isEqualTo(revision);
        // A year ahead exactly is the latest allowed.
        app.ok(app.patch(paths.get(1), alice, "{\"role\":\"edit\",\"expiresAt\":" + at(yearAhead) + "}"), 204);
    }

    @Test
    void accessEndsAtTheInstantExactlyInEveryAnswer() {
        app.ok(app.post("/v1/spaces/" + space + "/permissions", alice, "{\"role\":\"edit\",\"users\":[\"bob\"],"
                + "\"expiresAt\":" + at(expiry) + "}"), 204);
        clock.set(expiry.minusNanos(1000));
        assertThat(check("bob").get("allowed").asBoolean()).isTrue();
        assertThat(app.get("/v1/spaces/" + space, bob).status()).isEqualTo(200);
        assertThat(app.ok(app.get("/v1/orgs/" + org + "/members/bob/spaces", alice), 200).get("items")).hasSize(1);

        clock.set(expiry);
        JsonNode answer = check("bob");
        assertThat(answer.get("allowed").asBoolean()).isFalse();
        assertThat(answer.get("permission").isNull()).isTrue();
        TestApp.Res seen = app.get("/v1/spaces/" + space, bob);
        assertThat(seen.status()).as("the space is gone for bob, as one that does not exist").isEqualTo(404);
        assertThat(seen.json().at("/error/code").asInt()).isEqualTo(404);
        assertThat(app.ok(app.get("/v1/orgs/" + org + "/members/bob/spaces", alice), 200).get("items")).isEmpty();
        List<String> listed = new ArrayList<>();
        app.ok(app.get("/v1/spaces/" + space + "/permissions/aggregate", alice), 200).get("items")
                .forEach(i -> listed.add(i.at("/user/id").asText()));
        assertThat(listed).containsExactly("alice");
        assertThat(app.ok(app.get("/v1/spaces/" + space + "/permissions/users", alice), 200).get("items")).isEmpty();
        JsonNode explain = app.ok(app.get("/v1/spaces/" + space + "/permissions/users/bob/explain", alice), 200);
        assertThat(explain.get("permission").isNull()).isTrue();
        assertThat(explain.at("/steps/0/rule").asText()).isEqualTo("default-none");
        TestApp.Res write = app.patch("/v1/spaces/" + space, bob, "{\"title\":\"Mine\"}");
        assertThat(write.status()).as("bob can no longer write either").isEqualTo(404);
    }

    @Test
    void theSweepRecordsTheExpiryAsTheSystemAndWebhooksReceiveIt() throws Exception {
        try (WebhookTest.Receiver receiver = new WebhookTest.Receiver(0)) {
            app.ok(app.post("/v1/orgs/" + org + "/webhooks", alice, "{\"url\":\"" + receiver.url()
                    + "\",\"secret\":\"a-secret-of-some-length\",\"events\":[\"grant.*\"]}"), 201);
            app.ok(app.post("/v1/spaces/" + space + "/permissions", alice, "{\"role\":\"edit\",\"users\":[\"bob\"],"
                    + "\"expiresAt\":" + at(expiry) + "}"), 204);
            clock.set(expiry.plusSeconds(1));
            waitFor(() -> receiver.actions().contains("grant.expired"));
            assertThat(receiver.actions()).containsExactly("grant.created", "grant.expired");
            JsonNode event;
            synchronized (receiver) {
                event = receiver.received.get(1);
            }
            assertThat(event.at("/actor/type").asText()).isEqualTo("system");
            assertThat(event.at("/resource/id").asText()).isEqualTo(space);
            assertThat(event.at("/subject/id").asText()).isEqualTo("bob");
            assertThat(event.get("before").asText()).isEqualTo("edit");
            assertThat(event.get("after").isNull()).isTrue();

            JsonNode log = app.ok(app.get("/v1/orgs/" + org + "/audit-log", alice), 200).get("items");
            List<String> actions = new ArrayList<>();
            log.forEach(e -> actions.add(e.get("action").asText()));
            assertThat(actions).containsOnlyOnce("grant.expired").endsWith("grant.expired");
        }
    }
}
