package dev.gatehouse.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Instants;
import dev.gatehouse.model.RecordShape;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes the changes of a write as JSON for the changelog, and reads them back.
 *
 * <p>Every change and every model value is a record, so the encoding follows the records: an object per
 * record keyed by component name, enums by constant name, instants as ISO-8601 text (exact to the
 * nanosecond), {@code null} as JSON null. A change is tagged with its record's simple name. Renaming a
 * record or a component therefore changes the format: do it only with a migration of the changelog.
 */
public final class ChangeCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Class<?>> CHANGE_TYPES = new HashMap<>();

    static {
        for (Class<?> c : Change.class.getPermittedSubclasses()) {
            CHANGE_TYPES.put(c.getSimpleName(), c);
        }
    }

    private ChangeCodec() {
    }

    public static String encode(List<Change> changes) {
        // Written straight to text, field by field: building a tree of the changes first cost more than
        // everything else a large write does with them.
        StringWriter text = new StringWriter((int) Math.min(1 << 24, changes.size() * 160L));
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(text)) {
            g.writeStartArray();
            for (Change c : changes) {
                g.writeStartObject();
                fields(g, (Record) c);
                g.writeStringField("type", c.getClass().getSimpleName());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode changes", e);
        }
        return text.toString();
    }

    public static List<Change> decode(String json) {
        try {
            JsonNode array = MAPPER.readTree(json);
            List<Change> out = new ArrayList<>(array.size());
            for (JsonNode n : array) {
                String type = n.path("type").asText();
                Class<?> c = CHANGE_TYPES.get(type);
                if (c == null) {
                    throw new IllegalArgumentException("unknown change type '" + type + "'");
                }
                out.add((Change) read(n, c));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("unreadable changelog entry: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a record's components as fields of the object {@code g} is in, as the changelog stores them: by
     * component name, enums by constant name, instants as ISO-8601 text, lists as arrays, records as objects,
     * {@code null} written out. The export file writes its records the same way.
     */
    public static void fields(JsonGenerator g, Record r) throws IOException {
        RecordShape shape = RecordShape.of(r.getClass());
        for (int i = 0; i < shape.size(); i++) {
            g.writeFieldName(shape.name(i));
            value(g, shape.get(r, i));
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Instant t) {
            g.writeString(t.toString());
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object x : list) {
                value(g, x);
            }
            g.writeEndArray();
        } else if (v instanceof Record r) {
            g.writeStartObject();
            fields(g, r);
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("no encoding for " + v.getClass());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(JsonNode n, Class<?> type) {
        // A component added after an entry was written reads as its neutral value: false, an empty list.
        if (n == null && type == boolean.class) {
            return false;
        }
        if ((n == null || n.isNull()) && type == List.class) {
            return List.of();
        }
        if (type == List.class) {
            // Lists hold text (an organization's email domains): the only kind a record holds.
            List<String> out = new ArrayList<>(n.size());
            for (JsonNode x : n) {
                out.add(x.asText());
            }
            return List.copyOf(out);
        }
        if (n == null || n.isNull()) {
            if (type == boolean.class || type == long.class || type == int.class) {
                throw new IllegalArgumentException("missing value of " + type);
            }
            return null;
        }
        if (type == String.class) {
            return n.asText();
        }
        if (type == boolean.class || type == Boolean.class) {
            return n.asBoolean();
        }
        if (type == long.class || type == Long.class) {
            return n.asLong();
        }
        if (type == int.class || type == Integer.class) {
            return n.asInt();
        }
        if (type == Instant.class) {
            return Instants.parse(n.asText());
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<Enum>) type, n.asText());
        }
        if (type.isRecord()) {
            RecordShape shape = RecordShape.of(type);
            Object[] args = new Object[shape.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = read(n.get(shape.name(i)), shape.type(i));
            }
            return shape.make(args);
        }
        throw new IllegalArgumentException("no decoding for " + type);
    }
}
