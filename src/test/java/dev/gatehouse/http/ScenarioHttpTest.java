package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.clock.MovableClock;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import dev.gatehouse.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario file, built through the HTTP API (as the system actor) and checked through it: the
 * same worlds and expectations the engine runner checks, now end to end. The server runs on a clock that
 * stands at "now" while the world is built, and is moved to each expectation's instant, in time order,
 * before it is checked; the server's own sweep may remove expired grants meanwhile, which changes nothing.
 * Steps are taken at their instants through the endpoints a person would use, each with the token of whoever
 * takes it, and invite and share links are made through the API, their ids (secrets) mapped from the file's.
 */
class ScenarioHttpTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioThroughTheApi() {
        return Scenario.all().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Path dir = Files.createTempDirectory("scenario");
            MovableClock clock = MovableClock.atSystemTime();
            try (TestApp app = TestApp.start(dir, clock)) {
                new Run(app, s, clock).check();
            }
        }));
    }

    /** One scenario on one server: scenario ids mapped to the ids the server generated. */
    private static final class Run {
        private final TestApp app;
        private final Scenario s;
        private final Map<String, String> ids = new HashMap<>();
        private final Map<String, String> tokens = new HashMap<>();
        private final Map<String, String> shareLinkKeys = new HashMap<>();
        /** "resource requester" to the id of the request the requester made there. */
        private final Map<String, String> requestIds = new HashMap<>();
        private final List<String> failures = new ArrayList<>();
        private final MovableClock clock;
        /** "Now" of the scenario: when the world was built, which every expiry and expectation counts from. */
        private final Instant now;
        private static final String SYS = TestApp.SYSTEM;

        Run(TestApp app, Scenario s, MovableClock clock) {
            this.app = app;
            this.s = s;
            this.clock = clock;
            this.now = clock.instant();
            build();
        }

        private String id(String scenarioId) {
            return ids.getOrDefault(scenarioId, scenarioId);
        }

        private static String level(JsonNode n) {
            return n == null ? "\"inherit\"" : n.toString();
        }

        private void build() {
            for (String u : s.users()) {
                app.ok(app.post("/v1/users", SYS, "{\"id\":\"" + u + "\",\"displayName\":\"" + u + "\",\"email\":\"" + u
                        + "@example.com\"}"), 201);
            }
            for (Scenario.Organization_ o : s.organizations()) {
                String admin = o.members().entrySet().stream().filter(e -> "admin".equals(e.getValue()))
                        .map(Map.Entry::getKey).findFirst().orElseThrow();
                String role = o.defaultRole() == null ? "\"read\"" : TestApp.quote(o.defaultRole());
                ids.put(o.id(), app.ok(app.post("/v1/orgs", SYS, "{\"title\":\"Org " + o.id() + "\",\"admin\":\"" + admin
                        + "\",\"defaultRole\":" + role + "}"), 201).get("id").asText());
                o.members().forEach((user, r) -> {
                    if (!user.equals(admin)) {
                        app.member(id(o.id()), user, r == null ? "null" : TestApp.quote(r));
                    }
                });
                for (String user : o.disabled() == null ? List.<String>of() : o.disabled()) {
                    app.ok(app.patch("/v1/orgs/" + id(o.id()) + "/members/" + user, SYS, "{\"disabled\":true}"), 200);
                }
            }
            for (Scenario.Team_ t : s.teams()) {
                ids.put(t.id(), app.team(id(t.org()), SYS, "Team " + t.id(), t.members().toArray(String[]::new)));
            }
            for (Scenario.Collection_ c : s.collections()) {
                String parent = c.parent() == null ? "" : ",\"parent\":\"" + id(c.parent()) + "\"";
                ids.put(c.id(), app.collection(id(c.org()), SYS, "{\"title\":\"" + c.id() + "\",\"defaultLevel\":"
                        + level(c.defaultLevel()) + parent + "}"));
            }
            for (Scenario.Space_ sp : s.spaces()) {
                String parent = sp.parent() == null ? "" : ",\"parent\":\"" + id(sp.parent()) + "\"";
                ids.put(sp.id(), app.space(id(sp.org()), SYS, "{\"title\":\"" + sp.id() + "\",\"defaultLevel\":"
                        + level(sp.defaultLevel()) + parent + "}"));
            }
            for (Scenario.Site_ site : s.sites()) {
                String spaces = String.join(",", site.spaces().stream().map(x -> "\"" + id(x) + "\"").toList());
                String siteId = app.ok(app.post("/v1/orgs/" + id(site.org()) + "/sites", SYS, "{\"title\":\"Site " + site.id()
                        + "\",\"spaces\":[" + spaces + "]}"), 201).get("id").asText();
                ids.put(site.id(), siteId);
                app.ok(app.patch("/v1/orgs/" + id(site.org()) + "/sites/" + siteId, SYS, "{\"defaultLevel\":"
                        + level(site.defaultLevel()) + "}"), 200);
            }
            for (Scenario.Page_ pg : s.pages()) {
                String parent = pg.parent() == null ? "" : ",\"parent\":\"" + id(pg.parent()) + "\"";
                ids.put(pg.id(), app.ok(app.post("/v1/spaces/" + id(pg.space()) + "/pages", SYS, "{\"title\":\"" + pg.id()
                        + "\",\"defaultLevel\":" + level(pg.defaultLevel()) + parent + "}"), 201).get("id").asText());
            }
            for (Scenario.Grant_ g : s.grants()) {
                ResourceRef r = Scenario.resource(g.resource());
                String expiry = g.expiry() == null ? "" : ",\"expiresAt\":" + TestApp.quote(now.plus(g.expiry()).toString());
                String body = "{\"role\":" + (g.role() == null ? "null" : TestApp.quote(g.role())) + ","
                        + (g.user() != null ? "\"users\":[\"" + g.user() + "\"]" : "\"teams\":[\"" + id(g.team()) + "\"]")
                        + expiry + "}";
                app.ok(app.post(base(r) + "/permissions", SYS, body), 204);
            }
            for (Scenario.InviteLink_ k : s.inviteLinks()) {
                createInviteLink(k);
            }
            for (Scenario.ShareLink_ l : s.shareLinks()) {
                String at = "/v1/orgs/" + orgOf(l.site()) + "/sites/" + id(l.site()) + "/share-links";
                JsonNode made = app.ok(app.post(at, SYS, "{\"name\":\"" + l.id() + "\"}"), 201);
                ids.put(l.id(), made.get("id").asText());
                String published = made.get("urls").get("published").asText();
                shareLinkKeys.put(l.id(), published.substring(published.indexOf("share=") + "share=".length()));
                if (!l.isActive()) {
                    app.ok(app.patch(at + "/" + id(l.id()), SYS, "{\"active\":false}"), 200);
                }
            }
            // Trash spaces last, as the file's worlds state where they are and what they hold.
            for (Scenario.Space_ sp : s.spaces()) {
                if (sp.deleted()) {
                    app.ok(app.delete("/v1/spaces/" + id(sp.id()), SYS), 205);
                }
            }
        }

        private void createInviteLink(Scenario.InviteLink_ k) {
            String role = k.level() == null ? "null" : TestApp.quote(k.level().wire());
            String body;
            if (k.resource() == null) {
                body = "{\"role\":" + role;
            } else {
                ResourceRef r = Scenario.resource(k.resource());
                body = "{\"" + r.type().wire() + "\":\"" + id(r.id()) + "\",\"level\":" + role;
            }
            if (k.expiry() != null) {
                body += ",\"expiresAt\":" + TestApp.quote(now.plus(k.expiry()).toString());
            }
            if (k.maxUses() != null) {
                body += ",\"maxUses\":" + k.maxUses();
            }
            String at = "/v1/orgs/" + id(k.org()) + "/link-invites";
            ids.put(k.id(), app.ok(app.post(at, SYS, body + "}"), 201).get("id").asText());
            if (!k.isActive()) {
                app.ok(app.patch(at + "/" + id(k.id()), SYS, "{\"active\":false}"), 200);
            }
        }

        private String token(String user) {
            return user.equals("system") ? SYS : tokens.computeIfAbsent(user, app::token);
        }

        /** What a step answered: its word, or the status of a refusal (which must have written nothing). */
        private void take(Scenario.Step_ step) {
            String who = token(step.as()); // first: making a token is a write of its own
            long before = app.revision();
            TestApp.Res res;
            java.util.function.Function<JsonNode, String> word;
            switch (step.action()) {
                case "join" -> {
                    Scenario.InviteLink_ k = s.inviteLink(step.join());
                    String org = step.org() != null ? step.org() : k.org();
                    res = app.post("/v1/orgs/" + id(org) + "/invites/" + id(step.join()), who, null);
                    word = b -> b.get("redundant").asBoolean() ? "redundant" : "joined";
                }
                case "request" -> {
                    String body = "{\"role\":" + TestApp.quote(step.role()) + (step.message() == null ? ""
                            : ",\"message\":" + TestApp.quote(step.message())) + "}";
                    res = app.post(base(Scenario.resource(step.request())) + "/access-requests", who, body);
                    if (res.status() < 300 && res.json().has("id")) {
                        requestIds.put(step.request() + " " + step.as(), res.json().get("id").asText());
                    }
                    int status = res.status();
                    word = b -> b.path("redundant").asBoolean() ? "redundant" : status == 201 ? "requested" : "updated";
                }
                case "approve" -> {
                    String expiry = step.expiry() == null ? "{}"
                            : "{\"expiresAt\":" + TestApp.quote(now.plus(step.expiry()).toString()) + "}";
                    res = app.post(requestPath(step.approve(), step.requester()) + "/approve", who, expiry);
                    word = b -> "approved";
                }
                case "deny" -> {
                    String reason = step.reason() == null ? "{}" : "{\"reason\":" + TestApp.quote(step.reason()) + "}";
                    res = app.post(requestPath(step.deny(), step.requester()) + "/deny", who, reason);
                    word = b -> "denied";
                }
                case "updateShareLink" -> {
                    res = app.patch(shareLinkPath(step.updateShareLink()), who, "{\"active\":" + step.active() + "}");
                    word = b -> "updated";
                }
                default -> {
                    res = app.delete(shareLinkPath(step.deleteShareLink()), who);
                    word = b -> "deleted";
                }
            }
            String what = step.as() + ": " + step.action() + " at +" + step.after();
            if (res.status() >= 400) {
                expect(what, step.expected(), Integer.toString(res.status()));
                expect(what + " refused wrote nothing", before, app.revision());
            } else {
                expect(what, step.expected(), word.apply(res.json()));
            }
        }

        private String requestPath(String resource, String requester) {
            return base(Scenario.resource(resource)) + "/access-requests/"
                    + requestIds.getOrDefault(resource + " " + requester, "no-request-of-" + requester);
        }

        private String shareLinkPath(String link) {
            Scenario.ShareLink_ l = s.shareLink(link);
            return "/v1/orgs/" + orgOf(l.site()) + "/sites/" + id(l.site()) + "/share-links/" + id(link);
        }

        private void checkShareLink(Scenario.ShareLinkExpectation l) {
            ResourceRef r = Scenario.resource(l.resource());
            Role expected = l.expected();
            String what = "share link " + l.link() + " on " + l.resource() + " at +" + l.after();
            JsonNode answer = app.ok(app.post("/v1/permissions/check", SYS, "{\"items\":[{\"shareLink\":"
                    + TestApp.quote(shareLinkKeys.get(l.link())) + ",\"resource\":{\"type\":\"" + r.type().wire()
                    + "\",\"id\":\"" + id(r.id()) + "\"}}]}"), 200).get("items").get(0);
            expect(what + " (check)", expected == null ? null : expected.wire(), text(answer.get("permission")));
            JsonNode why = app.ok(app.get(base(r) + "/permissions/share-links/" + id(l.link()) + "/explain", SYS), 200);
            expect(what + " (explain)", expected == null ? null : expected.wire(), text(why.get("permission")));
            if (l.rule() != null) {
                expect(what + " (rule)", l.rule(), why.get("steps").get(0).get("rule").asText());
            }
        }

        private static String text(JsonNode n) {
            return n == null || n.isNull() ? null : n.asText();
        }

        private void checkMembership(Scenario.MembershipExpectation m) {
            TestApp.Res res = app.get("/v1/orgs/" + id(m.org()) + "/members/" + m.user(), SYS);
            String actual = res.status() == 404 ? "none" : res.status() != 200 ? "status " + res.status()
                    : res.json().get("role").isNull() ? "guest" : res.json().get("role").asText();
            expect("membership of " + m.user() + " in " + m.org() + " at +" + m.after(), m.membership(), actual);
        }

        private void checkRequests(Scenario.RequestsExpectation q) {
            Map<String, String> actual = new HashMap<>();
            for (JsonNode i : all(base(Scenario.resource(q.resource())) + "/access-requests")) {
                actual.put(i.get("user").get("id").asText(), i.get("role").asText());
            }
            expect("pending requests on " + q.resource() + " at +" + q.after(), new HashMap<>(q.pending()), actual);
        }

        private String orgOf(String siteScenarioId) {
            return id(s.sites().stream().filter(x -> x.id().equals(siteScenarioId)).findFirst().orElseThrow().org());
        }

        private String base(ResourceRef r) {
            return switch (r.type()) {
                case COLLECTION -> "/v1/collections/" + id(r.id());
                case SPACE -> "/v1/spaces/" + id(r.id());
                case SITE -> "/v1/orgs/" + orgOf(r.id()) + "/sites/" + id(r.id());
                case PAGE -> "/v1/spaces/" + id(s.pages().stream().filter(x -> x.id().equals(r.id())).findFirst()
                        .orElseThrow().space()) + "/pages/" + id(r.id());
            };
        }

        /** Every item of a list, following next.page. */
        private List<JsonNode> all(String path) {
            List<JsonNode> out = new ArrayList<>();
            String page = null;
            do {
                String sep = path.contains("?") ? "&" : "?";
                JsonNode body = app.ok(app.get(path + sep + "limit=2" + (page == null ? "" : "&page=" + page), SYS), 200);
                body.get("items").forEach(out::add);
                page = body.has("next") ? body.get("next").get("page").asText() : null;
            } while (page != null);
            return out;
        }

        private Map<String, String> aggregate(ResourceRef r, String role) {
            Map<String, String> out = new LinkedHashMap<>();
            for (JsonNode i : all(base(r) + "/permissions/aggregate" + (role == null ? "" : "?role=" + role))) {
                out.put(i.get("user").get("id").asText(), i.get("permission").asText());
            }
            return out;
        }

        /** One expectation to check once the clock stands at its instant. */
        private record Timed(Duration after, Runnable check) {
        }

        void check() {
            List<Timed> checks = new ArrayList<>();
            // Steps first, so that at one instant the expectations see what the steps did (the sort is stable).
            for (Scenario.Step_ step : s.steps()) {
                checks.add(new Timed(step.after(), () -> take(step)));
            }
            for (Scenario.ShareLinkExpectation l : s.expect().shareLinks()) {
                checks.add(new Timed(l.after(), () -> checkShareLink(l)));
            }
            for (Scenario.MembershipExpectation m : s.expect().members()) {
                checks.add(new Timed(m.after(), () -> checkMembership(m)));
            }
            for (Scenario.RequestsExpectation q : s.expect().requests()) {
                checks.add(new Timed(q.after(), () -> checkRequests(q)));
            }
            for (Scenario.PermissionExpectation p : s.expect().permissions()) {
                checks.add(new Timed(p.after(), () -> checkPermission(p)));
            }
            for (Scenario.AggregateExpectation a : s.expect().aggregates()) {
                checks.add(new Timed(a.after(), () -> {
                    ResourceRef r = Scenario.resource(a.resource());
                    expect("aggregate of " + a.resource() + (a.role() == null ? "" : " role=" + a.role()) + " at +"
                            + a.after(), a.items(), aggregate(r, a.role()));
                }));
            }
            for (Scenario.MemberSpacesExpectation m : s.expect().memberSpaces()) {
                checks.add(new Timed(m.after(), () -> checkMemberSpaces(m)));
            }
            for (Scenario.SiteAggregateExpectation sa : s.expect().siteAggregates()) {
                checks.add(new Timed(sa.after(), () -> checkSiteAggregate(sa)));
            }
            // In time order: the clock only moves forward, as a server's does.
            checks.sort(java.util.Comparator.comparing(Timed::after));
            for (Timed t : checks) {
                clock.set(now.plus(t.after()));
                t.check().run();
            }
            assertThat(failures).as(s.name() + ": " + s.description()).isEmpty();
        }

        private void checkPermission(Scenario.PermissionExpectation p) {
            ResourceRef r = Scenario.resource(p.resource());
            Role expected = p.expected();
            if (r.type() == ResourceType.SITE) {
                checkSiteFlags(p, r, expected);
                return;
            }
            String actual = aggregate(r, null).get(p.user());
            expect(p.user() + " on " + p.resource() + " at +" + p.after(), expected == null ? null : expected.wire(),
                    actual);
        }

        private void checkMemberSpaces(Scenario.MemberSpacesExpectation m) {
            Map<String, String> actual = new LinkedHashMap<>();
            Map<String, String> back = new HashMap<>();
            ids.forEach((k, v) -> back.put(v, k));
            for (JsonNode i : all("/v1/orgs/" + id(m.org()) + "/members/" + m.user() + "/spaces?order=asc")) {
                actual.put(back.get(i.get("space").get("id").asText()), i.get("permission").asText());
            }
            expect("spaces of " + m.user() + " at +" + m.after(), new HashMap<>(m.spaces()), new HashMap<>(actual));
        }

        private void checkSiteAggregate(Scenario.SiteAggregateExpectation sa) {
            List<String> expected = new ArrayList<>();
            for (Scenario.SiteItem i : sa.items()) {
                Scenario.ExpectedOrigin o = i.origin();
                expected.add(i.user() + " " + i.permission() + " " + i.disabled() + " " + o.type() + ":"
                        + (o.organization() != null ? id(o.organization()) : o.space() != null ? id(o.space())
                        : id(o.site()) + "/" + o.reason()));
            }
            List<String> actual = new ArrayList<>();
            for (JsonNode i : all("/v1/orgs/" + orgOf(sa.site()) + "/sites/" + id(sa.site()) + "/permissions/aggregate")) {
                JsonNode o = i.get("origin");
                String type = o.get("type").asText();
                actual.add(i.get("user").get("id").asText() + " " + i.get("permission").asText() + " "
                        + i.get("disabled").asBoolean() + " " + type + ":" + switch (type) {
                            case "organization" -> o.get("organization").asText();
                            case "space" -> o.get("space").asText();
                            default -> o.get("site").asText() + "/" + o.get("reason").asText();
                        });
                if (o.has("team")) {
                    checkTieBreak(i.get("user").get("id").asText(), o.get("site").asText(), o.get("team").asText(),
                            i.get("permission").asText());
                }
            }
            expect("site aggregate of " + sa.site() + " at +" + sa.after(), expected, actual);
        }

        /**
         * Team origins are checked by the rule rather than by the file's team: the server generates team ids,
         * so "the lowest team id on a tie" names a different team than the file's T1 &lt; T2 may.
         */
        private void checkTieBreak(String user, String site, String team, String permission) {
            String lowest = app.reads().read(w -> {
                String best = null;
                for (String t : w.teamsOf(user)) {
                    var g = w.grants(ResourceRef.site(site)).teams().get(t);
                    if (g != null && g.role() != null && g.role().wire().equals(permission) && (best == null
                            || t.compareTo(best) < 0)) {
                        best = t;
                    }
                }
                return best;
            });
            expect("team origin of " + user + " on site", lowest, team);
        }

        /** A site's permission seen through its flags: 404 for none, flags that match the role otherwise. */
        private void checkSiteFlags(Scenario.PermissionExpectation p, ResourceRef r, Role expected) {
            TestApp.Res res = app.get(base(r), app.token(p.user()));
            if (expected == null) {
                expect(p.user() + " on " + p.resource(), 404, res.status());
                return;
            }
            JsonNode f = res.json().get("permissions");
            if (res.status() != 200 || f.get("edit").asBoolean() != expected.atLeast(Role.EDIT)
                    || f.get("create").asBoolean() != expected.atLeast(Role.CREATE)
                    || f.get("admin").asBoolean() != (expected == Role.ADMIN)) {
                failures.add(p.user() + " on " + p.resource() + ": expected " + expected + ", got " + res);
            }
        }

        private void expect(String what, Object expected, Object actual) {
            if (!java.util.Objects.equals(expected, actual)) {
                failures.add(what + ": expected " + expected + " but got " + actual);
            }
        }
    }
}
