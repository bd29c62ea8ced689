package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What of an answer is kept for an {@code Idempotency-Key} replay: all of it but the secrets it handed out.
 * A secret is shown once (README: "The token is shown once; Gatehouse keeps only its SHA-256 hash"), so the
 * stored answer must not hold it, and a replay does not repeat it. The replay names what it withheld in
 * {@code withheld}, so that a client can tell "withheld" from "never there".
 *
 * <p>The secrets are the top-level fields the API hands secrets out in: {@code token} (a personal token,
 * {@code POST /v1/users/{user}/tokens}) and {@code secret} (which no answer carries today; listed so that one
 * that ever does is covered).
 */
final class WithheldSecrets {
    static final List<String> FIELDS = List.of("token", "secret");
    static final String NOTE = "withheld";

    private WithheldSecrets() {
    }

    private static boolean isShareLink(ObjectNode o) {
        return "share-link".equals(o.path("object").asText()) && o.path("urls").has("published");
    }

    /** The body to store: {@code body} without its secret fields, or unchanged when it has none. */
    static String fromAnswer(String contentType, String body) {
        if (body == null || contentType == null || !contentType.startsWith("application/json")) {
            return body;
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return body;
        }
        if (!(tree instanceof ObjectNode o) || FIELDS.stream().noneMatch(o::has) && !isShareLink(o)) {
            return body;
        }
        ArrayNode withheld = o.putArray(NOTE);
        if (isShareLink(o)) {
            ((ObjectNode) o.get("urls")).remove("published");
            withheld.add("urls.published");
        }
        for (String f : FIELDS) {
            if (o.remove(f) != null) {
                withheld.add(f);
            }
        }
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree Jackson has just read is writable", e);
        }
    }
}
