package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation of the served OpenAPI document, as a request whose ids are placeholders ({@code <spaceId>}):
 * the path parameters, the query parameters that name an object, and the ids in a request body. The
 * bodies come from {@link #BODIES}; an operation added later without one is still driven, with an empty
 * body, so its path parameters are covered from the day it is served.
 */
final class Operations {
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z]+)(#[0-9]+)?>");

    /** Query parameters that name an object, with the path parameter naming the same kind of object. */
    private static final Map<String, String> ID_QUERIES = Map.of("owner", "userId", "space", "spaceId", "team", "teamId");

    private static final String CHECK = "{\"items\":["
            + "{\"user\":\"<userId>\",\"resource\":{\"type\":\"space\",\"id\":\"<spaceId>\"}},"
            + "{\"user\":\"<userId>\",\"resource\":{\"type\":\"collection\",\"id\":\"<collectionId>\"},\"role\":\"read\"},"
            + "{\"user\":\"<userId>\",\"resource\":{\"type\":\"site\",\"id\":\"<siteId>\"}},"
            + "{\"user\":\"<userId>\",\"resource\":{\"type\":\"page\",\"id\":\"<pageId>\"}}]}";
    private static final String GRANT = "{\"role\":\"read\",\"users\":[\"<userId>\"],\"teams\":[\"<teamId>\"]}";
    private static final String ROLE = "{\"role\":\"read\"}";
    private static final String TITLE = "{\"title\":\"Renamed\"}";

    /**
     * Request bodies by "METHOD /path", naming objects by placeholder. {@code <kind#n>} is a second object of
     * the same kind, varied on its own (the collection a space moves to, say).
     */
    static final Map<String, List<String>> BODIES = Map.ofEntries(
            Map.entry("POST /v1/users", List.of("{\"displayName\":\"New\",\"email\":\"new-user@example.com\"}")),
            Map.entry("PATCH /v1/users/{userId}", List.of("{\"displayName\":\"Renamed\"}")),
            Map.entry("POST /v1/users/{userId}/tokens", List.of("{\"label\":\"probe\"}")),
            Map.entry("POST /v1/orgs", List.of("{\"title\":\"New Org\",\"admin\":\"<userId>\"}")),
            Map.entry("PATCH /v1/orgs/{organizationId}", List.of(TITLE)),
            Map.entry("PATCH /v1/orgs/{organizationId}/members/{userId}", List.of(ROLE, "{\"disabled\":true}")),
            Map.entry("POST /v1/orgs/{organizationId}/invites", List.of("{\"emails\":[\"new-member@example.com\"]}")),
            Map.entry("PUT /v1/orgs/{organizationId}/teams", List.of("{\"title\":\"New Team\",\"members\":[\"<userId>\"]}")),
            Map.entry("PATCH /v1/orgs/{organizationId}/teams/{teamId}", List.of(TITLE)),
            Map.entry("PUT /v1/orgs/{organizationId}/teams/{teamId}/members", List.of("{\"add\":[\"<userId>\"]}",
                    "{\"memberships\":{\"<userId>\":{\"role\":\"owner\"}}}", "{\"remove\":[\"<userId>\"]}")),
            Map.entry("PUT /v1/orgs/{organizationId}/teams/{teamId}/members/{userId}", List.of("{\"role\":\"owner\"}")),
            Map.entry("POST /v1/orgs/{organizationId}/collections", List.of("{\"title\":\"New\",\"parent\":\"<collectionId>\"}")),
            Map.entry("PATCH /v1/collections/{collectionId}", List.of(TITLE)),
            Map.entry("POST /v1/collections/{collectionId}/move", List.of("{\"parent\":\"<collectionId#2>\"}")),
            Map.entry("POST /v1/orgs/{organizationId}/spaces", List.of("{\"title\":\"New\",\"parent\":\"<collectionId>\"}")),
            Map.entry("PATCH /v1/spaces/{spaceId}", List.of(TITLE)),
            Map.entry("POST /v1/spaces/{spaceId}/move", List.of("{\"parent\":\"<collectionId>\"}")),
            Map.entry("POST /v1/orgs/{organizationId}/sites", List.of("{\"title\":\"New\",\"spaces\":[\"<spaceId>\"]}")),
            Map.entry("PATCH /v1/orgs/{organizationId}/sites/{siteId}", List.of(TITLE)),
            Map.entry("POST /v1/orgs/{organizationId}/sites/{siteId}/site-spaces", List.of("{\"spaceId\":\"<spaceId>\"}")),
            Map.entry("POST /v1/spaces/{spaceId}/pages", List.of("{\"title\":\"New\",\"parent\":\"<pageId>\"}")),
            Map.entry("PATCH /v1/spaces/{spaceId}/pages/{pageId}", List.of(TITLE, "{\"parent\":\"<pageId#2>\"}")),
            Map.entry("POST /v1/permissions/check", List.of(CHECK)),
            Map.entry("POST /v1/collections/{collectionId}/permissions", List.of(GRANT)),
            Map.entry("POST /v1/spaces/{spaceId}/permissions", List.of(GRANT)),
            Map.entry("POST /v1/orgs/{organizationId}/sites/{siteId}/permissions", List.of(GRANT)),
            Map.entry("POST /v1/spaces/{spaceId}/pages/{pageId}/permissions", List.of(GRANT)),
            Map.entry("PATCH /v1/collections/{collectionId}/permissions/users/{userId}", List.of(ROLE)),
            Map.entry("PATCH /v1/spaces/{spaceId}/permissions/users/{userId}", List.of(ROLE)),
            Map.entry("PATCH /v1/orgs/{organizationId}/sites/{siteId}/permissions/users/{userId}", List.of(ROLE)),
            Map.entry("PATCH /v1/spaces/{spaceId}/pages/{pageId}/permissions/users/{userId}", List.of(ROLE)),
            Map.entry("PATCH /v1/collections/{collectionId}/permissions/teams/{teamId}", List.of(ROLE)),
            Map.entry("PATCH /v1/spaces/{spaceId}/permissions/teams/{teamId}", List.of(ROLE)),
            Map.entry("PATCH /v1/orgs/{organizationId}/sites/{siteId}/permissions/teams/{teamId}", List.of(ROLE)),
            Map.entry("PATCH /v1/spaces/{spaceId}/pages/{pageId}/permissions/teams/{teamId}", List.of(ROLE)),
            Map.entry("POST /v1/orgs/{organizationId}/webhooks",
                    List.of("{\"url\":\"http://127.0.0.1:9/new\",\"secret\":\"new-secret-0123456789\"}")));

    /** One request with placeholders: method, path and query, body (null: none). */
    record Request(String method, String operation, String target, String body) {
        boolean isRead() {
            return method.equals("GET");
        }

        /** The placeholders it names, in order of appearance: "spaceId", "collectionId#2". */
        List<String> placeholders() {
            Set<String> out = new LinkedHashSet<>();
            Matcher m = PLACEHOLDER.matcher(target + (body == null ? "" : body));
            while (m.find()) {
                out.add(m.group(1) + (m.group(2) == null ? "" : m.group(2)));
            }
            return List.copyOf(out);
        }

        /** The request with each placeholder replaced by {@code ids.get(placeholder)}. */
        Request with(Map<String, String> ids) {
            return new Request(method, operation, fill(target, ids), body == null ? null : fill(body, ids));
        }

        @Override
        public String toString() {
            return method + " " + target + (body == null ? "" : " " + body);
        }
    }

    /** The kind of object a placeholder names: "collectionId#2" is a collection. */
    static String kind(String placeholder) {
        int hash = placeholder.indexOf('#');
        return hash < 0 ? placeholder : placeholder.substring(0, hash);
    }

    /** Every operation under /v1 of the document, once per body it is sent with. */
    static List<Request> of(JsonNode openApi) {
        List<Request> out = new ArrayList<>();
        openApi.get("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/v1/") || path.getKey().equals("/v1/openapi.json")) {
                return;
            }
            path.getValue().properties().forEach(op -> {
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    return;
                }
                String operation = method + " " + path.getKey();
                String target = path.getKey().replaceAll("\\{([A-Za-z]+)}", "<$1>") + query(op.getValue());
                List<String> bodies = BODIES.getOrDefault(operation,
                        method.equals("GET") || method.equals("DELETE") ? List.of() : List.of("{}"));
                if (bodies.isEmpty()) {
                    out.add(new Request(method, operation, target, null));
                }
                // A flag may change what a read shows (?explain=true, ?includeNoAccess=true): each is sent on its own too.
                for (String flag : flags(op.getValue())) {
                    out.add(new Request(method, operation, target + (target.contains("?") ? '&' : '?') + flag + "=true",
                            null));
                }
                bodies.forEach(b -> out.add(new Request(method, operation, target, b)));
            });
        });
        return out;
    }

    /** "?owner=<userId>" for the query parameters that name an object. */
    private static String query(JsonNode operation) {
        StringBuilder q = new StringBuilder();
        for (JsonNode p : operation.path("parameters")) {
            String kind = ID_QUERIES.get(p.path("name").asText());
            if ("query".equals(p.path("in").asText()) && kind != null) {
                q.append(q.length() == 0 ? '?' : '&').append(p.get("name").asText()).append("=<").append(kind).append('>');
            }
        }
        return q.toString();
    }

    /** The boolean query parameters of an operation. */
    private static List<String> flags(JsonNode operation) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : operation.path("parameters")) {
            if ("query".equals(p.path("in").asText()) && "boolean".equals(p.path("schema").path("type").asText())) {
                out.add(p.get("name").asText());
            }
        }
        return out;
    }

    private static String fill(String s, Map<String, String> ids) {
        Matcher m = PLACEHOLDER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            String id = ids.get(key);
            if (id == null) {
                throw new IllegalArgumentException("no id for <" + key + "> in " + s);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(id));
        }
        m.appendTail(out);
        return out.toString();
    }
}
