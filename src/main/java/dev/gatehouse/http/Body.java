package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Role;
import dev.gatehouse.service.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body that must be a JSON object, read field by field. Every wrong type or value is a 400
 * that names the field and what it accepts. Which fields a body may have, and must, is checked before the
 * handler runs ({@link RequestBodies}).
 */
final class Body {
    /**
     * The body {@link RequestBodies} parsed for the request this thread serves, so that its handler, which
     * parses the same bytes, does not parse them again; forgotten when the request ends.
     */
    private static final ThreadLocal<Parsed> PARSED = new ThreadLocal<>();

    private record Parsed(byte[] bytes, ObjectNode node) {
    }

    private final ObjectNode node;

    private Body(ObjectNode node) {
        this.node = node;
    }

    /**
     * Parses a body from its bytes, strictly: Javalin's {@code ctx.body()} decodes with replacement, which
     * would turn bytes that are not UTF-8 into U+FFFD and store them. See {@link Json#readBody}.
     */
    static Body parse(byte[] bytes) {
        Parsed parsed = PARSED.get();
        if (parsed != null && parsed.bytes() == bytes) {
            return new Body(parsed.node());
        }
        if (isBlank(bytes)) {
            throw ApiException.badRequest("the request body is empty; send a JSON object");
        }
        JsonNode n = Json.readBody(bytes);
        if (n == null || !n.isObject()) {
            throw ApiException.badRequest("the request body must be a JSON object");
        }
        return new Body((ObjectNode) n);
    }

    /** Parses a body as {@link #parse} does, and keeps it for the rest of this request (see {@link #PARSED}). */
    static Body parseAndKeep(byte[] bytes) {
        Body body = parse(bytes);
        PARSED.set(new Parsed(bytes, body.node));
        return body;
    }

    /** Forgets the body kept for the request that just ended on this thread. */
    static void forget() {
        PARSED.remove();
    }

    /** A body that may be absent (an empty body reads as {}). */
    static Body parseOptional(byte[] bytes) {
        return isBlank(bytes) ? new Body(Json.MAPPER.createObjectNode()) : parse(bytes);
    }

    static boolean isBlank(byte[] bytes) {
        if (bytes == null) {
            return true;
        }
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The object itself. */
    ObjectNode json() {
        return node;
    }

    boolean has(String field) {
        return node.has(field);
    }

    boolean isEmpty() {
        return node.isEmpty();
    }

    /** A string field, or null when absent; null or another type is a 400. */
    String string(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return v.asText();
    }

    /** A string field that may also be JSON null; absent and null both read as null. */
    String nullableString(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : string(field);
    }

    String requiredString(String field) {
        String s = string(field);
        if (s == null) {
            throw ApiException.badRequest("'" + field + "' is required");
        }
        return s;
    }

    Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ApiException.badRequest("'" + field + "' must be true or false");
        }
        return v.asBoolean();
    }

    /** A role or JSON null (none / guest). Call only when {@link #has} is true. */
    Role roleOrNull(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a role (" + Role.names() + ") or null");
        }
        try {
            return Role.parse(v.asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + field + "': " + e.getMessage());
        }
    }

    /** A role, never null. */
    Role requiredRole(String field) {
        if (!has(field) || node.get(field).isNull()) {
            throw ApiException.badRequest("'" + field + "' is required: one of " + Role.names());
        }
        return roleOrNull(field);
    }

    /** A default level (role, "inherit" or null), or null when the field is absent. */
    DefaultLevel defaultLevel(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isNull() && !v.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a role, \"inherit\" or null");
        }
        try {
            return DefaultLevel.parse(v.isNull() ? null : v.asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + field + "': " + e.getMessage());
        }
    }

    /** An array of strings, or an empty list when absent. */
    List<String> strings(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw ApiException.badRequest("'" + field + "' must be an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                throw ApiException.badRequest("'" + field + "[" + i + "]' must be a string");
            }
            out.add(e.asText());
        }
        return out;
    }

    JsonNode raw(String field) {
        return node.get(field);
    }
}
