package dev.gatehouse.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Ids;
import dev.gatehouse.model.Instants;
import dev.gatehouse.model.RecordShape;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A record line read straight from its text, token by token, without building a tree of it first: parsing
 * into a tree and then reading the tree was most of reading a large file. Only a line that is exactly as it
 * must be is read here ({@code kind} first, then every field of its record once, each of the right type and
 * shape). Anything else gives {@code null}, and {@link ExportLines#read} reads that line and says what is wrong
 * with it, so there is one reading that refuses, and this one never accepts what that one would refuse.
 */
final class QuickLines {
    private static final JsonFactory FACTORY = new JsonFactory();

    private QuickLines() {
    }

    /** The put a record line reads as, or null: the line is to be read by {@link ExportLines#read}. */
    static Change read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !"kind".equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            ExportLines.Kind<?> kind = ExportLines.KINDS.get(p.getText());
            if (kind == null) {
                return null;
            }
            Change put = put(kind, p);
            return put != null && p.nextToken() == null ? put : null;
        } catch (IOException | RuntimeException e) {
            // Not JSON, or a value a record refuses: the strict reading says which.
            return null;
        }
    }

    private static <T extends Record> Change put(ExportLines.Kind<T> kind, JsonParser p) throws IOException {
        Object record = fields(p, kind.type());
        return record == null ? null : kind.put().apply(kind.type().cast(record));
    }

    /** The fields of the object {@code p} is in, up to its end, as a record of {@code type}; or null. */
    private static Object fields(JsonParser p, Class<?> type) throws IOException {
        RecordShape shape = RecordShape.of(type);
        Object[] args = new Object[shape.size()];
        boolean[] seen = new boolean[shape.size()];
        int found = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                return null;
            }
            int i = shape.indexOf(p.currentName());
            if (i < 0 || seen[i]) {
                return null;
            }
            seen[i] = true;
            found++;
            p.nextToken();
            Object v = value(p, shape.type(i));
            if (v == NOTHING || v != null && ExportLines.isIdField(shape.name(i)) && !Ids.isValid((String) v)) {
                return null;
            }
            args[i] = v;
        }
        return found == args.length ? shape.make(args) : null;
    }

    /** Stands for a value this reading does not take (the strict one says why); null is JSON's null. */
    private static final Object NOTHING = new Object();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(JsonParser p, Class<?> type) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return type.isPrimitive() ? NOTHING : null;
        }
        if (type == String.class) {
            return t == JsonToken.VALUE_STRING ? p.getText() : NOTHING;
        }
        if (type == boolean.class || type == Boolean.class) {
            return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : NOTHING;
        }
        if (type == long.class || type == Long.class) {
            return t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                    ? (Object) p.getLongValue() : NOTHING;
        }
        if (type == int.class || type == Integer.class) {
            return t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                    ? (Object) p.getIntValue() : NOTHING;
        }
        if (type == Instant.class) {
            return t == JsonToken.VALUE_STRING ? Instants.parse(p.getText()) : NOTHING;
        }
        if (type.isEnum()) {
            return t == JsonToken.VALUE_STRING ? Enum.valueOf((Class<Enum>) type, p.getText()) : NOTHING;
        }
        if (type == List.class) {
            if (t != JsonToken.START_ARRAY) {
                return NOTHING;
            }
            List<String> out = new ArrayList<>();
            for (JsonToken x = p.nextToken(); x != JsonToken.END_ARRAY; x = p.nextToken()) {
                if (x != JsonToken.VALUE_STRING) {
                    return NOTHING;
                }
                out.add(p.getText());
            }
            return List.copyOf(out);
        }
        if (type.isRecord()) {
            Object r = t == JsonToken.START_OBJECT ? fields(p, type) : null;
            return r == null ? NOTHING : r;
        }
        return NOTHING;
    }
}
