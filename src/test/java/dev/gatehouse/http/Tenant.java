package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One organization for the tenant isolation tests, built through the API: a member of every kind (each
 * role, a guest, a team owner, a disabled member, an invited email without an account), a collection
 * holding a space with a page, a second space in the trash, a site publishing the space, a team, grants
 * at every level, a site share link, an access request, a webhook, tokens, and so an audit log.
 *
 * <p>Everything a tenant names carries its {@code name} ("alpha", "bravo"): user ids, emails, display
 * names and titles. So whether another tenant learned anything of it is one case-insensitive search of
 * a response for that word, plus its generated ids ({@link #secrets}).
 */
final class Tenant {
    /** The callers of every kind, by the part of their user id after the tenant's name. */
    static final List<String> KINDS = List.of("admin", "create", "edit", "review", "comment", "read", "guest",
            "teammate", "disabled");

    final String name;
    final String org;
    /** Personal tokens by kind. */
    final Map<String, String> tokens = new LinkedHashMap<>();
    /** One id of each kind of object, by the OpenAPI path parameter that names it. */
    final Map<String, String> ids = new LinkedHashMap<>();
    /** Every generated id of this tenant (the org, its objects, its invited user), for scans. */
    final List<String> generated = new ArrayList<>();
    /** The id of the member invited by an email that has no account. */
    String invitee;

    private Tenant(String name, String org) {
        this.name = name;
        this.org = org;
    }

    String userId(String kind) {
        return name + "-" + kind;
    }

    String email(String kind) {
        return userId(kind) + "@" + name + ".test";
    }

    /** "Bravo Review Person": a display name nothing else contains. */
    String displayName(String kind) {
        return capitalized(name) + " " + capitalized(kind) + " Person";
    }

    /** Strings that must never appear in what another tenant is answered: the name and every generated id. */
    List<String> secrets() {
        List<String> out = new ArrayList<>(generated);
        out.add(name);
        return out;
    }

    /** The first of {@link #secrets()} that {@code text} contains (ignoring case), or null. */
    String leakIn(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String s : secrets()) {
            if (lower.contains(s.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    static Tenant build(TestApp app, String name) {
        for (String kind : KINDS) {
            app.ok(app.post("/v1/users", TestApp.SYSTEM, "{\"id\":\"" + name + "-" + kind + "\",\"displayName\":\""
                    + capitalized(name) + " " + capitalized(kind) + " Person\",\"email\":\"" + name + "-" + kind + "@"
                    + name + ".test\"}"), 201);
        }
        String org = app.ok(app.post("/v1/orgs", TestApp.SYSTEM, "{\"title\":\"" + capitalized(name) + " Corp\",\"admin\":\""
                + name + "-admin\"}"), 201).get("id").asText();
        Tenant t = new Tenant(name, org);
        t.generated.add(org);
        t.ids.put("organizationId", org);
        for (String kind : KINDS) {
            JsonNode issued = app.ok(app.post("/v1/users/" + t.userId(kind) + "/tokens", TestApp.SYSTEM, "{}"), 201);
            t.tokens.put(kind, issued.get("token").asText());
            if (kind.equals("read")) {
                t.ids.put("tokenId", issued.get("id").asText());
                t.generated.add(issued.get("id").asText());
            }
        }
        t.populate(app);
        return t;
    }

    private void populate(TestApp app) {
        String admin = tokens.get("admin");
        JsonNode invited = app.ok(app.post("/v1/orgs/" + org + "/invites", admin, "{\"emails\":["
                + invite("create", "\"create\"") + "," + invite("edit", "\"edit\"") + "," + invite("review", "\"review\"")
                + "," + invite("comment", "\"comment\"") + "," + invite("read", "\"read\"") + "," + invite("guest", "null")
                + "," + invite("teammate", "\"read\"") + "," + invite("disabled", "\"edit\"") + ",\"" + name
                + "-invitee@" + name + ".test\"]}"), 200);
        invitee = invited.get("users").get(8).asText();
        generated.add(invitee);
        app.ok(app.patch("/v1/orgs/" + org + "/members/" + userId("disabled"), admin, "{\"disabled\":true}"), 200);
        ids.put("userId", userId("read"));

        String team = created(app.put("/v1/orgs/" + org + "/teams", admin, "{\"title\":\"" + capitalized(name)
                + " Team\",\"members\":[\"" + userId("teammate") + "\",\"" + userId("edit") + "\"]}"), "teamId");
        app.ok(app.put("/v1/orgs/" + org + "/teams/" + team + "/members/" + userId("teammate"), admin,
                "{\"role\":\"owner\"}"), 204);

        String collection = created(app.post("/v1/orgs/" + org + "/collections", admin, "{\"title\":\""
                + capitalized(name) + " Collection\"}"), "collectionId");
        String space = created(app.post("/v1/orgs/" + org + "/spaces", admin, "{\"title\":\"" + capitalized(name)
                + " Space\",\"parent\":\"" + collection + "\"}"), "spaceId");
        String trashed = created(app.post("/v1/orgs/" + org + "/spaces", admin, "{\"title\":\"" + capitalized(name)
                + " Trash\"}"), null);
        app.ok(app.delete("/v1/spaces/" + trashed, admin), 205);
        String page = created(app.post("/v1/spaces/" + space + "/pages", admin, "{\"title\":\"" + capitalized(name)
                + " Page\",\"defaultLevel\":null}"), "pageId");
        String site = created(app.post("/v1/orgs/" + org + "/sites", admin, "{\"title\":\"" + capitalized(name)
                + " Site\",\"spaces\":[\"" + space + "\"]}"), "siteId");
        String siteSpace = app.ok(app.get("/v1/orgs/" + org + "/sites/" + site + "/site-spaces", admin), 200)
                .get("items").get(0).get("id").asText();
        ids.put("siteSpaceId", siteSpace);
        generated.add(siteSpace);

        grant(app, "/v1/collections/" + collection, "{\"role\":\"comment\",\"teams\":[\"" + team + "\"]}");
        grant(app, "/v1/spaces/" + space, "{\"role\":\"edit\",\"users\":[\"" + userId("read") + "\"]}");
        grant(app, "/v1/spaces/" + space, "{\"role\":null,\"users\":[\"" + userId("comment") + "\"]}");
        grant(app, "/v1/spaces/" + space + "/pages/" + page, "{\"role\":\"read\",\"users\":[\"" + userId("guest") + "\"]}");
        grant(app, "/v1/orgs/" + org + "/sites/" + site, "{\"role\":\"read\",\"users\":[\"" + userId("comment") + "\"]}");

        created(app.post("/v1/orgs/" + org + "/sites/" + site + "/share-links", admin, "{\"name\":\""
                + capitalized(name) + " Link\"}"), "shareLinkId");
        created(app.post("/v1/spaces/" + space + "/access-requests", tokens.get("guest"), "{\"role\":\"edit\","
                + "\"message\":\"" + capitalized(name) + " asks\"}"), "requestId");

        created(app.post("/v1/orgs/" + org + "/webhooks", admin, "{\"url\":\"http://127.0.0.1:9/" + name
                + "\",\"secret\":\"" + name + "-secret-0123456789\"}"), "webhookId");
        created(app.post("/v1/orgs/" + org + "/link-invites", admin, "{\"level\":\"read\",\"space\":\"" + space
                + "\"}"), "inviteId");
        String event = app.ok(app.get("/v1/orgs/" + org + "/audit-events?limit=1", admin), 200)
                .get("items").get(0).get("id").asText();
        ids.put("auditEventId", event);
        generated.add(event);
    }

    private String invite(String kind, String roleJson) {
        return "{\"email\":\"" + email(kind) + "\",\"role\":" + roleJson + "}";
    }

    private void grant(TestApp app, String resource, String body) {
        app.ok(app.post(resource + "/permissions", tokens.get("admin"), body), 204);
    }

    /** The id of a created object, remembered as generated (and under {@code param}, when given). */
    private String created(TestApp.Res r, String param) {
        if (r.status() != 201) {
            throw new AssertionError("expected 201 but got " + r);
        }
        String id = r.json().get("id").asText();
        generated.add(id);
        if (param != null) {
            ids.put(param, id);
        }
        return id;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
