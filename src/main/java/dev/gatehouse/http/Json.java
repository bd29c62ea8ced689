package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.gatehouse.service.ApiException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.gatehouse.model.Role;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one Jackson mapper of the HTTP layer. Responses follow GitBook field by field, and every shape of a
 * resource is written with a generator (the {@code *Shapes} classes): a list page of a thousand of them
 * streams straight to the response and costs no tree, and a single object is the same writer into bytes.
 * Only the fixed bodies around the routes (errors, health, the home page) are small trees.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // Bound what one request can make the parser do.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).build());
    }

    /**
     * Request bodies are read strictly: a duplicate key would silently lose one of its values, and bytes
     * after the value mean the client sent something other than what it meant to.
     */
    private static final ObjectReader BODY_READER = MAPPER.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /** Parses a request body: exactly one JSON value, in valid UTF-8, without duplicate keys; else a 400 naming why. */
    static JsonNode readBody(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // Checked through a small window: the characters are not needed, only whether the bytes decode. A body
        // of a few hundred bytes (most are) needs no more than its own size.
        CharBuffer window = CharBuffer.allocate(Math.max(16, Math.min(4096, bytes.length)));
        for (CoderResult r = utf8.decode(in, window, true); !r.isUnderflow(); r = utf8.decode(in, window, true)) {
            if (r.isError()) {
                throw ApiException.badRequest("the request body is not valid UTF-8 (at byte " + in.position() + ")");
            }
            window.clear();
        }
        try {
            return BODY_READER.readTree(bytes);
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage().startsWith("Trailing token")) {
                throw ApiException.badRequest("the request body has more after its JSON value (at " + where(e)
                        + "); send exactly one JSON object");
            }
            throw ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            if (m.startsWith("Duplicate field")) {
                throw ApiException.badRequest("the request body names a field twice: "
                        + m.substring("Duplicate field ".length()) + " (at " + where(e) + ")");
            }
            if (firstValueIsComplete(bytes)) {
                throw ApiException.badRequest("the request body has more after its JSON value (at " + where(e)
                        + "); send exactly one JSON object");
            }
            throw ApiException.badRequest("the request body is not valid JSON (at " + where(e) + "): " + firstLine(m));
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read: " + firstLine(e.getMessage()));
        }
    }

    /** Whether the body starts with one whole JSON value, so that what is wrong comes after it. */
    private static boolean firstValueIsComplete(byte[] bytes) {
        try (var p = BODY_READER.createParser(bytes)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            p.finishToken();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String where(JsonProcessingException e) {
        var l = e.getLocation();
        return l == null ? "an unknown position" : "line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Writes one value as JSON tokens. */
    @FunctionalInterface
    interface Writer<T> {
        void write(JsonGenerator json, T value) throws IOException;
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * A generator onto a response. It neither closes nor flushes the stream: the server closes it after
     * the handler, which sends the end of the body with the last bytes instead of in a write of its own.
     */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return MAPPER.createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    }

    /**
     * The UTF-8 bytes of what {@code writer} writes, for an answer of one object: the same writer as a list
     * page's items, and the same bytes a tree of the same fields would serialize to.
     */
    static <T> byte[] bytes(Writer<T> writer, T value) {
        try (ByteArrayBuilder out = new ByteArrayBuilder()) {
            try (JsonGenerator json = MAPPER.createGenerator(out)) {
                writer.write(json, value);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing into memory does not fail", e);
        }
    }

    /** A string field; a null value is written as null. */
    static void field(JsonGenerator json, SerializableString name, String value) throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }

    static void field(JsonGenerator json, SerializableString name, SerializableString value) throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }

    static void field(JsonGenerator json, SerializableString name, boolean value) throws IOException {
        json.writeFieldName(name);
        json.writeBoolean(value);
    }

    static void field(JsonGenerator json, SerializableString name, int value) throws IOException {
        json.writeFieldName(name);
        json.writeNumber(value);
    }

    static void field(JsonGenerator json, SerializableString name, long value) throws IOException {
        json.writeFieldName(name);
        json.writeNumber(value);
    }

    /** A role as GitBook writes it: its name, or null for none. */
    static void field(JsonGenerator json, SerializableString name, Role value) throws IOException {
        field(json, name, value == null ? null : value.wire());
    }

    /** Opens an object as the value of {@code name}. */
    static void startObject(JsonGenerator json, SerializableString name) throws IOException {
        json.writeFieldName(name);
        json.writeStartObject();
    }

    /** Opens an array as the value of {@code name}. */
    static void startArray(JsonGenerator json, SerializableString name) throws IOException {
        json.writeFieldName(name);
        json.writeStartArray();
    }

    /** UTF-8 bytes straight from the tree: no intermediate String of a response that may be megabytes. */
    static byte[] bytes(Object tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
