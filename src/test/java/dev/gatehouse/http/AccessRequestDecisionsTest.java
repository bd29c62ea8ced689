package dev.gatehouse.http;

import static dev.gatehouse.http.AuthAndErrorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.clock.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What deciding an access request leaves behind, on a server whose clock the test moves: an approval with
 * {@code expiresAt} gives a grant that stops counting at that instant exactly, and the audit log and the
 * webhooks hear of every step, each grant entry with the expiry it carries.
 */
class AccessRequestDecisionsTest {
    @TempDir
    Path dir;
    private final MovableClock clock = MovableClock.atSystemTime();
    private TestApp app;
    private WebhookTest.Receiver receiver;
    private String alice;
    private String bob;
    private String org;
    private String space;
    private String requests;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.start(dir, clock);
        alice = app.user("alice");
        bob = app.user("bob");
        app.user("dave");
        org = app.org("Acme", "alice");
        app.member(org, "bob", "\"edit\"");
        app.member(org, "dave", "null");
        space = app.space(org, alice, "{\"title\":\"Plans\",\"defaultLevel\":null}");
        requests = "/v1/spaces/" + space + "/access-requests";
        receiver = new WebhookTest.Receiver(0);
        app.ok(app.post("/v1/orgs/" + org + "/webhooks", alice, "{\"url\":\"" + receiver.url()
                + "\",\"secret\":\"0123456789abcdef0123\"}"), 201);
    }

    @AfterEach
    void stop() {
        receiver.close();
        app.close();
    }

    private String permission(String user) {
        JsonNode p = app.ok(app.post("/v1/permissions/check", TestApp.SYSTEM, "{\"items\":[{\"user\":\"" + user
                + "\",\"resource\":{\"type\":\"space\",\"id\":\"" + space + "\"}}]}"), 200).get("items").get(0)
                .get("permission");
        return p.isNull() ? null : p.asText();
    }

    private List<JsonNode> audit() {
        List<JsonNode> out = new ArrayList<>();
        app.ok(app.get("/v1/orgs/" + org + "/audit-log?limit=1000", alice), 200).get("items").forEach(out::add);
        return out;
    }

    private JsonNode last(String action) {
        List<JsonNode> all = audit().stream().filter(e -> e.get("action").asText().equals(action)).toList();
        assertThat(all).as("audit entries " + action).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void anApprovalWithAnExpiryGivesAGrantThatStopsCountingAtItsInstant() throws Exception {
        String id = app.ok(app.post(requests, app.token("dave"), "{\"role\":\"comment\"}"), 201)
                .get("id").asText();
        Instant expiry = clock.instant().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        JsonNode approved = app.ok(app.post(requests + "/" + id + "/approve", alice, "{\"expiresAt\":"
                + TestApp.quote(expiry.toString()) + "}"), 200);
        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(approved.get("expiresAt").asText()).isEqualTo(expiry.toString());
        assertThat(app.ok(app.get(requests + "/" + id, app.token("dave")), 200).get("expiresAt").asText())
                .isEqualTo(expiry.toString());

        JsonNode granted = app.ok(app.get("/v1/spaces/" + space + "/permissions/aggregate", alice), 200).get("items");
        JsonNode dave = null;
        for (JsonNode i : granted) {
            if (i.get("user").get("id").asText().equals("dave")) {
                dave = i;
            }
        }
        assertThat(dave).as("dave in the aggregate").isNotNull();
        assertThat(dave.get("expiresAt").asText()).isEqualTo(expiry.toString());

        assertThat(last("access_request.approved").get("expiresAt").asText()).isEqualTo(expiry.toString());
        JsonNode grant = last("grant.created");
        assertThat(grant.get("subject").get("id").asText()).isEqualTo("dave");
        assertThat(grant.get("expiresAt").asText()).isEqualTo(expiry.toString());

        clock.set(expiry.minusNanos(1000));
        assertThat(permission("dave")).isEqualTo("comment");
        clock.set(expiry);
        assertThat(permission("dave")).isNull();
        app.services().sweeper().sweepOnce();
        JsonNode expired = last("grant.expired");
        assertThat(expired.get("actor").get("type").asText()).isEqualTo("system");
        assertThat(expired.get("expiresAt").asText()).isEqualTo(expiry.toString());
        assertThat(permission("dave")).isNull();
    }

    @Test
    void anApprovalNeverLowersAGrantAndAnExpiryOnlyMovesLater() {
        app.ok(app.patch("/v1/spaces/" + space + "/permissions/users/bob", alice, "{\"role\":\"admin\"}"), 204);
        String id = app.ok(app.post(requests, app.token("dave"), "{\"role\":\"read\"}"), 201).get("id").asText();
        Instant soon = clock.instant().plus(Duration.ofHours(1));
        app.ok(app.patch("/v1/spaces/" + space + "/permissions/users/dave", alice, "{\"role\":\"edit\",\"expiresAt\":"
                + TestApp.quote(soon.toString()) + "}"), 204);
        // dave's edit grant already gives read: approving read keeps its role, and it lasts the longer of the two.
        Instant later = soon.plus(Duration.ofHours(5));
        app.ok(app.post(requests + "/" + id + "/approve", bob, "{\"expiresAt\":" + TestApp.quote(later.toString())
                + "}"), 200);
        assertThat(permission("dave")).isEqualTo("edit");
        clock.set(soon);
        assertThat(permission("dave")).isEqualTo("edit");
        clock.set(later);
        assertThat(permission("dave")).isNull();
    }

    @Test
    void anApprovalAfterMoreWasGrantedAboveLeavesItAsItIs() {
        String collection = app.collection(org, alice, "{\"title\":\"Handbook\",\"defaultLevel\":null}");
        String inside = app.space(org, alice, "{\"title\":\"Inside\",\"parent\":\"" + collection + "\"}");
        String at = "/v1/spaces/" + inside + "/access-requests";
        String id = app.ok(app.post(at, app.token("dave"), "{\"role\":\"edit\"}"), 201).get("id").asText();
        app.ok(app.patch("/v1/collections/" + collection + "/permissions/users/dave", alice, "{\"role\":\"admin\"}"),
                204);
        app.ok(app.post(at + "/" + id + "/approve", alice, "{}"), 200);
        // A user grant of edit on the space would be the nearest statement and take admin away.
        JsonNode p = app.ok(app.post("/v1/permissions/check", TestApp.SYSTEM, "{\"items\":[{\"user\":\"dave\","
                + "\"resource\":{\"type\":\"space\",\"id\":\"" + inside + "\"}}]}"), 200).get("items").get(0);
        assertThat(p.get("permission").asText()).isEqualTo("admin");
        assertThat(app.ok(app.get(at + "/" + id, alice), 200).get("status").asText()).isEqualTo("approved");
    }

    @Test
    void badExpiriesAndApproversBelowTheRoleChangeNothing() {
        String id = app.ok(app.post(requests, app.token("dave"), "{\"role\":\"admin\"}"), 201).get("id").asText();
        app.ok(app.patch("/v1/spaces/" + space + "/permissions/users/bob", alice, "{\"role\":\"edit\"}"), 204);
        long before = app.revision();
        Instant now = clock.instant();
        for (String bad : List.of("\"tomorrow\"", "\"2030-01-01\"", "\"2030-01-01T00:00:00\"", "42",
                TestApp.quote(now.minusSeconds(1).toString()), TestApp.quote(now.plus(Duration.ofDays(367)).toString()))) {
            assertError(app.post(requests + "/" + id + "/approve", alice, "{\"expiresAt\":" + bad + "}"), 400,
                    "expiresAt");
        }
        // Bob edits the space: admin is above his own role there, so he may not approve it.
        assertError(app.post(requests + "/" + id + "/approve", bob, "{}"), 403, "admin");
        assertThat(app.revision()).isEqualTo(before);
        assertThat(app.ok(app.get(requests + "/" + id, alice), 200).get("status").asText()).isEqualTo("pending");
        assertThat(permission("dave")).isNull();
    }

    @Test
    void everyStepIsAnAuditEntryAndAWebhookEvent() throws Exception {
        String dave = app.token("dave");
        String id = app.ok(app.post(requests, dave, "{\"role\":\"read\",\"message\":\"please\"}"), 201).get("id").asText();
        app.ok(app.post(requests, dave, "{\"role\":\"comment\"}"), 200);
        app.ok(app.post(requests + "/" + id + "/deny", alice, "{\"reason\":\"not yet\"}"), 200);
        app.ok(app.post(requests, dave, "{\"role\":\"read\"}"), 201);
        Instant expiry = clock.instant().plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        app.ok(app.post(requests + "/" + id + "/approve", alice, "{\"expiresAt\":" + TestApp.quote(expiry.toString())
                + "}"), 200);
        List<String> steps = List.of("access_request.requested", "access_request.requested", "access_request.denied",
                "access_request.requested", "grant.created", "access_request.approved");
        List<JsonNode> entries = audit().stream().filter(e -> e.get("action").asText().startsWith("access_request.")
                || e.get("action").asText().startsWith("grant.")).toList();
        assertThat(entries).extracting(e -> e.get("action").asText()).containsExactlyElementsOf(steps);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("subject").get("id").asText()).isEqualTo("dave");
            assertThat(e.get("resource").get("id").asText()).isEqualTo(space);
        });
        assertThat(entries.get(1).get("before").asText()).isEqualTo("read");
        assertThat(entries.get(1).get("after").asText()).isEqualTo("comment");
        assertThat(entries.get(2).get("actor").get("id").asText()).isEqualTo("alice");
        assertThat(entries.get(0).get("actor").get("id").asText()).isEqualTo("dave");

        waitFor(() -> receiver.actions().stream().filter(steps::contains).count() >= steps.size());
        List<JsonNode> events = new ArrayList<>();
        synchronized (receiver) {
            receiver.received.stream().filter(j -> steps.contains(j.get("action").asText())).forEach(events::add);
        }
        assertThat(events).extracting(e -> e.get("action").asText()).containsExactlyElementsOf(steps);
        assertThat(events.get(5).get("expiresAt").asText()).isEqualTo(expiry.toString());
        assertThat(events.get(4).get("expiresAt").asText()).isEqualTo(expiry.toString());
    }
}
