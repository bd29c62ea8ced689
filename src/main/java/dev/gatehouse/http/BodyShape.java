package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.service.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a JSON value may and must have, compiled from one request-body schema of the OpenAPI document:
 * an object's properties (each with its own shape), its required ones, what its other keys hold
 * ({@code additionalProperties}), and an array's items. Only names are checked here: types and values stay
 * with the handlers, which say what each field accepts.
 */
final class BodyShape {
    /** Anything: a value whose schema declares no properties (a role, an id, a field Gatehouse ignores). */
    static final BodyShape ANY = new BodyShape(null, List.of(), null, null);

    /** At most this many unknown names are quoted in one message, each at most {@link #NAME_CHARS} long. */
    private static final int QUOTED = 5;
    private static final int NAME_CHARS = 64;
    /** Deeper than any request schema of the document: a guard against a schema that refers to itself. */
    private static final int DEPTH = 12;

    /** The properties in document order, or null when this is not an object schema. */
    private final Map<String, BodyShape> fields;
    private final List<String> required;
    /** The shape of every key not in {@link #fields}, or null when there may be none. */
    private final BodyShape others;
    private final BodyShape items;

    private BodyShape(Map<String, BodyShape> fields, List<String> required, BodyShape others, BodyShape items) {
        this.fields = fields;
        this.required = required;
        this.others = others;
        this.items = items;
    }

    /**
     * Compiles {@code schema} of {@code doc}. Its object parts are the schema itself and its {@code allOf},
     * {@code oneOf} and {@code anyOf} members: their properties together are the accepted fields.
     */
    static BodyShape of(JsonNode doc, JsonNode schema) {
        return compile(doc, schema, 0);
    }

    /** An object with no fields at all: the body of an operation that takes none. */
    static BodyShape empty() {
        return new BodyShape(Map.of(), List.of(), null, null);
    }

    private static BodyShape compile(JsonNode doc, JsonNode schema, int depth) {
        if (depth > DEPTH) {
            return ANY;
        }
        List<JsonNode> parts = new ArrayList<>();
        collect(doc, schema, parts, 0);
        Map<String, BodyShape> fields = null;
        Set<String> required = new LinkedHashSet<>();
        BodyShape others = null;
        BodyShape items = null;
        for (JsonNode part : parts) {
            if (part.has("properties") || part.path("additionalProperties").isObject()) {
                if (fields == null) {
                    fields = new LinkedHashMap<>();
                }
                for (Map.Entry<String, JsonNode> p : part.path("properties").properties()) {
                    if (!fields.containsKey(p.getKey())) {
                        fields.put(p.getKey(), compile(doc, p.getValue(), depth + 1));
                    }
                }
                part.path("required").forEach(r -> required.add(r.asText()));
            }
            JsonNode additional = part.path("additionalProperties");
            if (additional.isObject() && others == null) {
                others = compile(doc, additional, depth + 1);
            } else if (additional.isBoolean() && additional.asBoolean() && others == null) {
                others = ANY;
            }
            if (part.has("items") && items == null) {
                items = compile(doc, part.get("items"), depth + 1);
            }
        }
        if (fields == null && items == null) {
            return ANY;
        }
        return new BodyShape(fields, List.copyOf(required), others, items);
    }

    /** The schema and its members, references resolved. */
    private static void collect(JsonNode doc, JsonNode schema, List<JsonNode> into, int depth) {
        JsonNode s = resolve(doc, schema);
        if (s == null || depth > DEPTH) {
            return;
        }
        into.add(s);
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            s.path(combinator).forEach(member -> collect(doc, member, into, depth + 1));
        }
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; s != null && s.has("$ref") && i < DEPTH; i++) {
            JsonNode target = doc.at(s.get("$ref").asText().substring(1));
            s = target.isMissingNode() ? null : target;
        }
        return s;
    }

    /**
     * Refuses a value with a field this shape does not name, or without one it requires; descends into the
     * fields, the other keys and the items it knows the shape of.
     *
     * @param at    where the value is, as messages quote it ({@code items[3].resource}); empty for the body
     * @param owner how messages name what the value belongs to at the top ({@code POST /v1/orgs})
     */
    void check(JsonNode value, String at, String owner) {
        if (value == null) {
            return;
        }
        if (value.isObject() && fields != null) {
            checkObject(value, at, owner);
        } else if (value.isArray() && items != null) {
            for (int i = 0; i < value.size(); i++) {
                items.check(value.get(i), at + "[" + i + "]", owner);
            }
        }
    }

    private void checkObject(JsonNode value, String at, String owner) {
        if (others == null) {
            List<String> unknown = new ArrayList<>();
            for (Map.Entry<String, JsonNode> f : value.properties()) {
                if (!fields.containsKey(f.getKey())) {
                    unknown.add(f.getKey());
                }
            }
            if (!unknown.isEmpty()) {
                throw ApiException.badRequest(unknownMessage(unknown, at, owner));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!value.has(name)) {
                missing.add(quote(path(at, name)));
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequest(listed(missing) + (missing.size() == 1 ? " is required" : " are required"));
        }
        for (Map.Entry<String, JsonNode> f : value.properties()) {
            BodyShape shape = fields.getOrDefault(f.getKey(), others);
            if (shape != null && shape != ANY) {
                shape.check(f.getValue(), path(at, f.getKey()), owner);
            }
        }
    }

    private String unknownMessage(List<String> unknown, String at, String owner) {
        List<String> quoted = new ArrayList<>();
        for (String name : unknown.subList(0, Math.min(QUOTED, unknown.size()))) {
            quoted.add(quote(path(at, name)));
        }
        String names = String.join(", ", quoted) + (unknown.size() > QUOTED ? " and " + (unknown.size() - QUOTED) + " more" : "");
        String whose = at.isEmpty() ? "the body of " + owner : "'" + at + "' in " + owner;
        String accepted = fields.isEmpty() ? whose + " takes no fields"
                : whose + " takes " + String.join(", ", fields.keySet());
        return (unknown.size() == 1 ? "unknown field " : "unknown fields ") + names + ": " + accepted;
    }

    private static String path(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    /** A name as messages quote it: cut short, since a client chooses it and the message is sent back. */
    private static String quote(String name) {
        return "'" + (name.length() <= NAME_CHARS ? name : name.substring(0, NAME_CHARS) + "...") + "'";
    }

    /** "'a'", "'a' and 'b'", "'a', 'b' and 'c'". */
    private static String listed(List<String> quoted) {
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }
}
