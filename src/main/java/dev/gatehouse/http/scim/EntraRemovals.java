package dev.gatehouse.http.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Entra removes group members as {@code {"op":"Remove","path":"members","value":[{"value":"ID"}]}}, which
 * RFC 7644 does not allow (a remove carries no value) and the SDK refuses. It means what
 * {@code {"op":"remove","path":"members[value eq \"ID\"]"}} says, one operation per member, so it is rewritten
 * to that before the SDK reads it. Any other body is left exactly as it came.
 */
final class EntraRemovals {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EntraRemovals() {
    }

    static String rewrite(String body) {
        if (body == null || !body.contains("\"value\"")) {
            return body;
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return body; // the SDK says what is wrong with it
        }
        JsonNode ops = doc.path("Operations");
        if (!ops.isArray()) {
            return body;
        }
        ArrayNode out = JSON.createArrayNode();
        boolean changed = false;
        for (JsonNode op : ops) {
            if (isValuedMemberRemoval(op)) {
                for (JsonNode v : op.get("value")) {
                    ObjectNode one = JSON.createObjectNode();
                    one.put("op", "remove");
                    one.put("path", "members[value eq " + JSON.getNodeFactory().textNode(v.get("value").asText()) + "]");
                    out.add(one);
                }
                changed = true;
            } else {
                out.add(op);
            }
        }
        if (!changed) {
            return body;
        }
        ((ObjectNode) doc).set("Operations", out);
        return doc.toString();
    }

    private static boolean isValuedMemberRemoval(JsonNode op) {
        if (!op.path("op").asText().equalsIgnoreCase("remove") || !op.path("path").asText().equalsIgnoreCase("members")) {
            return false;
        }
        JsonNode values = op.get("value");
        if (values == null || !values.isArray() || values.isEmpty()) {
            return false;
        }
        for (JsonNode v : values) {
            if (!v.isObject() || !v.path("value").isTextual()) {
                return false;
            }
        }
        return true;
    }
}
