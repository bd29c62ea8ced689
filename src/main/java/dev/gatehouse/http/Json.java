package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one Jackson mapper of the HTTP layer. Responses follow GitBook field by field: most are built as
 * trees; list pages and the shapes they repeat a thousand times are written with a generator instead,
 * so a page costs no tree and no byte array of its own.
 */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // Bound what one request can make the parser do.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(1_000_000).build());
    }

    private Json() {
    }

    /** Writes one value as JSON tokens. */
    @FunctionalInterface
    interface Writer<T> {
        void write(JsonGenerator g, T value) throws IOException;
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

    /** The tree of what {@code writer} writes: one definition of a shape serves both kinds of response. */
    static <T> ObjectNode tree(Writer<T> writer, T value) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            writer.write(buffer, value);
            return MAPPER.readTree(buffer.asParser(MAPPER));
        } catch (IOException e) {
            throw new UncheckedIOException("a token buffer holds what a writer writes", e);
        }
    }

    static void field(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    static void field(JsonGenerator g, SerializableString name, SerializableString value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    static void field(JsonGenerator g, SerializableString name, boolean value) throws IOException {
        g.writeFieldName(name);
        g.writeBoolean(value);
    }

    static void field(JsonGenerator g, SerializableString name, int value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
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
