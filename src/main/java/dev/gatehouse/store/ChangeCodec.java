package dev.gatehouse.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.model.Change;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
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
        ArrayNode array = MAPPER.createArrayNode();
        for (Change c : changes) {
            ObjectNode o = (ObjectNode) value(c);
            o.put("type", c.getClass().getSimpleName());
            array.add(o);
        }
        return array.toString();
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

    private static JsonNode value(Object v) {
        if (v == null) {
            return MAPPER.nullNode();
        }
        if (v instanceof String s) {
            return MAPPER.getNodeFactory().textNode(s);
        }
        if (v instanceof Boolean b) {
            return MAPPER.getNodeFactory().booleanNode(b);
        }
        if (v instanceof Long l) {
            return MAPPER.getNodeFactory().numberNode(l);
        }
        if (v instanceof Integer i) {
            return MAPPER.getNodeFactory().numberNode(i);
        }
        if (v instanceof Instant t) {
            return MAPPER.getNodeFactory().textNode(t.toString());
        }
        if (v instanceof Enum<?> e) {
            return MAPPER.getNodeFactory().textNode(e.name());
        }
        if (v instanceof java.util.List<?> list) {
            ArrayNode a = MAPPER.createArrayNode();
            for (Object x : list) {
                a.add(value(x));
            }
            return a;
        }
        if (v.getClass().isRecord()) {
            ObjectNode o = MAPPER.createObjectNode();
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                try {
                    o.set(rc.getName(), value(rc.getAccessor().invoke(v)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + rc, e);
                }
            }
            return o;
        }
        throw new IllegalArgumentException("no encoding for " + v.getClass());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(JsonNode n, Class<?> type) throws ReflectiveOperationException {
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
            return Instant.parse(n.asText());
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<Enum>) type, n.asText());
        }
        if (type.isRecord()) {
            RecordComponent[] rcs = type.getRecordComponents();
            Class<?>[] types = new Class<?>[rcs.length];
            Object[] args = new Object[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                types[i] = rcs[i].getType();
                args[i] = read(n.get(rcs[i].getName()), types[i]);
            }
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        }
        throw new IllegalArgumentException("no decoding for " + type);
    }
}
