package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitBook's audit events over the audit log: the same entries, newest first, filtered, paged, with stable ids. */
class AuditEventsTest {
    @TempDir
    Path dir;
    TestApp app;
    String alice;
    String org;
    String space;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        alice = app.user("alice");
        app.user("bob");
        org = app.org("Acme", "alice");
        app.member(org, "bob", "\"read\"");
        space = app.space(org, alice, "{\"title\":\"Guides\"}");
        app.ok(app.patch("/v1/spaces/" + space + "/permissions/users/bob", alice, "{\"role\":\"edit\"}"), 204);
        app.ok(app.patch("/v1/spaces/" + space + "/permissions/users/bob", alice, "{\"role\":\"review\"}"), 204);
        app.ok(app.patch("/v1/spaces/" + space, alice, "{\"defaultLevel\":\"comment\"}"), 200);
        app.team(org, alice, "Writers", "bob");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String events(String query) {
        return "/v1/orgs/" + org + "/audit-events" + query;
    }

    /** Every event of a query, following next.page, in the order served. */
    private List<JsonNode> all(String query, int limit) {
        List<JsonNode> out = new ArrayList<>();
        String sep = query.isEmpty() ? "?" : "&";
        String page = null;
        do {
            JsonNode body = app.ok(app.get(events(query + sep + "limit=" + limit
                    + (page == null ? "" : "&page=" + page)), alice), 200);
            body.get("items").forEach(out::add);
            assertThat(body.get("items").size()).isLessThanOrEqualTo(limit);
            page = body.path("next").path("page").asText(null);
        } while (page != null);
        return out;
    }

    private List<JsonNode> log() {
        List<JsonNode> out = new ArrayList<>();
        app.ok(app.get("/v1/orgs/" + org + "/audit-log?limit=1000", alice), 200).get("items").forEach(out::add);
        return out;
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.get("id").asText()).toList();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theEventsAreTheAuditLogsEntriesNewestFirstInGitBooksShape() {
        List<JsonNode> log = log();
        List<JsonNode> events = all("", 100);
        assertThat(events).hasSameSizeAs(log).hasSizeGreaterThan(8);
        for (int i = 0; i < log.size(); i++) {
            JsonNode entry = log.get(log.size() - 1 - i);
            JsonNode event = events.get(i);
            assertThat(event.get("object").asText()).isEqualTo("audit-event");
            assertThat(event.get("action").asText()).isEqualTo(entry.get("action").asText());
            assertThat(Instant.parse(event.get("occurredAt").asText())).isEqualTo(Instant.parse(entry.get("at").asText()));
            assertThat(event.get("actor")).isEqualTo(entry.get("actor").has("id") ? entry.get("actor")
                    : Json.object().put("type", "system").put("id", "system"));
            assertThat(event.get("target")).isEqualTo(entry.get("resource"));
            assertThat(event.get("source").asText()).isEqualTo("api");
            assertThat(UUID.fromString(event.get("id").asText()).toString()).isEqualTo(event.get("id").asText());
            assertThat(event.at("/urls/location").asText())
                    .isEqualTo("http://localhost/v1/orgs/" + org + "/audit-events/" + event.get("id").asText());
        }
        assertThat(new HashSet<>(ids(events))).hasSameSizeAs(events);
        assertThat(events.get(events.size() - 1).get("action").asText()).isEqualTo("organization.created");
        assertThat(events.get(events.size() - 1).at("/actor/type").asText()).isEqualTo("system");
    }

    @Test
    void oneEventReadsAloneWithTheDetailsOfItsChange() {
        Map<String, JsonNode> byPosition = new LinkedHashMap<>();
        log().forEach(e -> byPosition.put(e.get("position").asText(), e));
        for (JsonNode event : all("", 100)) {
            JsonNode details = app.ok(app.get(events("/" + event.get("id").asText()), alice), 200);
            JsonNode entry = byPosition.get(details.at("/payload/position").asText());
            assertThat(entry).as("the entry of " + details).isNotNull();
            for (String field : List.of("object", "id", "occurredAt", "action", "actor", "source", "target", "urls")) {
                assertThat(details.get(field)).as(field).isEqualTo(event.get(field));
            }
            assertThat(details.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(details.get("correlationId").asText()).isEqualTo(entry.get("revision").asText());
            for (String field : List.of("revision", "seq", "subject", "before", "after")) {
                assertThat(details.get("payload").get(field)).as(field).isEqualTo(entry.get(field));
            }
        }
        JsonNode grant = all("?action=grant.updated", 100).get(0);
        JsonNode details = app.ok(app.get(events("/" + grant.get("id").asText()), alice), 200);
        assertThat(details.at("/payload/subject/id").asText()).isEqualTo("bob");
        assertThat(details.at("/payload/before").asText() + "->" + details.at("/payload/after").asText())
                .isEqualTo("edit->review");
        // The id is case-insensitive, as UUIDs are.
        assertThat(app.ok(app.get(events("/" + grant.get("id").asText().toUpperCase()), alice), 200).get("id"))
                .isEqualTo(grant.get("id"));
    }

    @Test
    void filtersByActionActorTargetAndTimeBothBoundsIncluded() {
        List<JsonNode> every = all("", 100);
        assertThat(all("?action=grant.updated", 100)).extracting(e -> e.get("action").asText())
                .containsExactly("grant.updated");
        assertThat(ids(all("?action=grant.created", 100))).hasSize(1);
        assertThat(ids(all("?action=space.deleted", 100))).isEmpty();
        assertThat(ids(all("?actor=alice", 100))).isEqualTo(ids(every.stream()
                .filter(e -> e.at("/actor/id").asText().equals("alice")).toList()));
        assertThat(ids(all("?actor=system", 100))).isEqualTo(ids(every.stream()
                .filter(e -> e.at("/actor/type").asText().equals("system")).toList())).isNotEmpty();
        assertThat(all("?target=" + space, 100)).extracting(e -> e.get("action").asText())
                .containsExactly("space.default_changed", "grant.updated", "grant.created", "space.created");
        assertThat(all("?target=" + space + "&actor=bob", 100)).isEmpty();
        assertThat(all("?target=" + space + "&action=grant.created&actor=alice", 100)).hasSize(1);

        // Every pair of the times served, and a microsecond either side: the events between them, bounds included.
        List<Instant> times = new ArrayList<>();
        every.forEach(e -> times.add(Instant.parse(e.get("occurredAt").asText())));
        List<Instant> bounds = new ArrayList<>();
        for (Instant t : List.of(times.get(0), times.get(times.size() / 2), times.get(times.size() - 1))) {
            bounds.addAll(List.of(t.minusNanos(1000), t, t.plusNanos(1000)));
        }
        for (Instant from : bounds) {
            for (Instant to : bounds) {
                if (from.isAfter(to)) {
                    continue;
                }
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < every.size(); i++) {
                    if (!times.get(i).isBefore(from) && !times.get(i).isAfter(to)) {
                        expected.add(every.get(i).get("id").asText());
                    }
                }
                assertThat(ids(all("?from=" + from + "&to=" + to, 100))).as(from + " to " + to).isEqualTo(expected);
            }
            assertThat(ids(all("?from=" + from, 100))).isEqualTo(ids(every.stream()
                    .filter(e -> !Instant.parse(e.get("occurredAt").asText()).isBefore(from)).toList()));
        }
        // An offset names the same instant as Z does.
        Instant middle = times.get(times.size() / 2);
        String withOffset = middle.atOffset(java.time.ZoneOffset.ofHours(2)).toString();
        assertThat(withOffset).contains("+02:00");
        assertThat(ids(all("?to=" + q(withOffset), 100))).isEqualTo(ids(all("?to=" + middle, 100)));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsEvenWhileTheLogGrows() {
        for (int i = 0; i < 15; i++) {
            app.space(org, alice, "{\"title\":\"S" + i + "\"}");
        }
        List<JsonNode> every = all("", 100);
        assertThat(every).hasSizeGreaterThan(20);
        JsonNode first = app.ok(app.get(events(""), alice), 200);
        assertThat(first.get("items")).as("GitBook's default limit").hasSize(20);
        assertThat(ids(all("", 3))).isEqualTo(ids(every));
        assertThat(ids(all("", 1))).isEqualTo(ids(every));

        // A write between two pages: the next page starts where the first ended.
        JsonNode page1 = app.ok(app.get(events("?limit=4"), alice), 200);
        app.space(org, alice, "{\"title\":\"Later\"}");
        JsonNode page2 = app.ok(app.get(events("?limit=4&page=" + page1.at("/next/page").asText()), alice), 200);
        List<String> both = new ArrayList<>();
        page1.get("items").forEach(e -> both.add(e.get("id").asText()));
        page2.get("items").forEach(e -> both.add(e.get("id").asText()));
        assertThat(both).isEqualTo(ids(every).subList(0, 8));

        // A filtered list pages too; the last page has no next.
        List<JsonNode> created = all("?action=space.created", 2);
        assertThat(created).hasSize(17);
        JsonNode last = app.ok(app.get(events("?action=space.created&limit=17"), alice), 200);
        assertThat(last.has("next")).isFalse();
    }

    @Test
    void idsAreTheSameAfterARestartAndOnAnotherNode() {
        List<JsonNode> before = all("", 100);
        app.restart();
        assertThat(all("", 100)).isEqualTo(before);
        JsonNode one = before.get(3);
        assertThat(app.ok(app.get(events("/" + one.get("id").asText()), alice), 200).get("id")).isEqualTo(one.get("id"));

        try (TestApp other = TestApp.start(() -> SqliteStore.open(dir.resolve("gatehouse.db")))) {
            JsonNode there = other.ok(other.get(events("?limit=100"), alice), 200);
            assertThat(ids(iterable(there.get("items")))).isEqualTo(ids(before));
            assertThat(other.ok(other.get(events("/" + one.get("id").asText()), alice), 200).get("id"))
                    .isEqualTo(one.get("id"));
        }
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void adminsAndTheSystemTokenReadThemOthersAreAnsweredAsByTheAuditLog() {
        String bob = app.token("bob");
        app.user("carol");
        app.member(org, "carol", "null");
        String carol = app.token("carol");
        String dave = app.user("dave");
        app.user("erin");
        app.member(org, "erin", "\"admin\"");
        String erin = app.token("erin");
        app.ok(app.patch("/v1/orgs/" + org + "/members/erin", alice, "{\"disabled\":true}"), 200);
        String id = all("", 1).get(0).get("id").asText();

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(alice, 200);
        expected.put(TestApp.SYSTEM, 200);
        expected.put(bob, 403);
        expected.put(carol, 403);
        expected.put(dave, 404);
        expected.put(erin, 404);
        expected.put("not-a-token", 401);
        for (String path : List.of(events(""), events("/" + id), "/v1/orgs/" + org + "/audit-event-actions")) {
            for (Map.Entry<String, Integer> c : expected.entrySet()) {
                TestApp.Res r = app.get(path, c.getKey());
                assertThat(r.status()).as(path + " " + r).isEqualTo(c.getValue());
                assertThat(r.status()).as("as the audit log answers")
                        .isEqualTo(app.get("/v1/orgs/" + org + "/audit-log", c.getKey()).status());
                if (r.status() >= 400) {
                    assertThat(r.json().at("/error/code").asInt()).isEqualTo(r.status());
                }
            }
        }
        // Someone else's organization answers as one that does not exist.
        String zed = app.user("zed");
        String theirs = app.org("Zed Inc", "zed");
        assertThat(app.get("/v1/orgs/" + theirs + "/audit-events", alice).json().at("/error/message").asText()
                .replace(theirs, "X")).isEqualTo(app.get("/v1/orgs/zzNotThere/audit-events", alice).json()
                .at("/error/message").asText().replace("zzNotThere", "X"));
        assertThat(app.ok(app.get("/v1/orgs/" + theirs + "/audit-events", zed), 200).get("items"))
                .extracting(e -> e.at("/target/id").asText()).doesNotContain(org, space);
    }

    @Test
    void theActionsAreListedWithLabelsAndEachIsAFilter() {
        JsonNode items = app.ok(app.get("/v1/orgs/" + org + "/audit-event-actions", alice), 200).get("items");
        List<String> actions = new ArrayList<>();
        for (JsonNode a : items) {
            assertThat(a.get("object").asText()).isEqualTo("audit-event-action");
            assertThat(a.get("label").asText()).isNotBlank();
            actions.add(a.get("id").asText());
        }
        assertThat(actions).isSorted().doesNotHaveDuplicates()
                .contains("grant.created", "member.added", "space.default_changed", "site.space_published");
        Set<String> seen = new HashSet<>();
        all("", 100).forEach(e -> seen.add(e.get("action").asText()));
        assertThat(actions).containsAll(seen);
        for (String a : actions) {
            assertThat(app.get(events("?action=" + a), alice).status()).as(a).isEqualTo(200);
        }
    }

    @Test
    void badFiltersAndCursorsAre400sThatNameTheParameter() {
        String members = app.ok(app.get("/v1/orgs/" + org + "/members?limit=1", alice), 200).at("/next/page").asText();
        String cursor = app.ok(app.get(events("?limit=1"), alice), 200).at("/next/page").asText();
        Map<String, String> bad = new LinkedHashMap<>();
        for (String time : List.of("yesterday", "", "2026-11-30", "2026-11-30T10:00Z", "2026-11-30T10:00:00",
                "2026-02-30T10:00:00Z", "2026-11-30T24:00:00Z", "2026-11-30 10:00:00Z", "2026-11-30T10:00:00.1234567890Z",
                "1764496800", "2026-11-30T10:00:00+0100")) {
            bad.put("?from=" + q(time), "from");
            bad.put("?to=" + q(time), "to");
        }
        bad.put("?from=2026-11-30T10:00:00Z&to=2026-11-30T09:59:59.999Z", "from");
        bad.put("?action=grant.renamed", "action");
        bad.put("?action=grant.*", "action");
        bad.put("?action=", "action");
        bad.put("?actor=" + q("a b"), "actor");
        bad.put("?target=" + q("x/y"), "target");
        for (String limit : List.of("0", "101", "-1", "ten", "1.5", "")) {
            bad.put("?limit=" + limit, "limit");
        }
        bad.put("?page=garbage", "page");
        bad.put("?page=" + members, "page");
        bad.put("?limit=1&action=grant.created&page=" + cursor, "page");
        long revision = app.revision();
        for (Map.Entry<String, String> b : bad.entrySet()) {
            TestApp.Res r = app.get(events(b.getKey()), alice);
            assertThat(r.status()).as(b.getKey() + " " + r).isEqualTo(400);
            assertThat(r.json().at("/error/code").asInt()).isEqualTo(400);
            assertThat(r.json().at("/error/message").asText()).as(b.getKey()).contains("'" + b.getValue() + "'");
        }
        assertThat(app.revision()).isEqualTo(revision);
    }

    @Test
    void anIdThatNamesNoEventOfThisOrganizationIs404() {
        String zed = app.user("zed");
        String theirs = app.org("Zed Inc", "zed");
        String foreign = app.ok(app.get("/v1/orgs/" + theirs + "/audit-events?limit=1", zed), 200)
                .at("/items/0/id").asText();
        String mine = all("", 1).get(0).get("id").asText();
        // The same layout, a revision the log has not reached.
        String ahead = "00000000-0fff-8fff-8000-000000000000";
        for (String id : List.of(foreign, UUID.randomUUID().toString(), ahead, "not-a-uuid", mine + "0",
                mine.replace("-", ""), "00000000-0000-0000-0000-000000000000")) {
            TestApp.Res r = app.get(events("/" + id), alice);
            assertThat(r.status()).as(id + " " + r).isEqualTo(404);
            assertThat(r.json().at("/error/message").asText()).contains("no audit event");
        }
        assertThat(app.ok(app.get("/v1/orgs/" + theirs + "/audit-events/" + foreign, zed), 200).get("id").asText())
                .isEqualTo(foreign);
    }
}
