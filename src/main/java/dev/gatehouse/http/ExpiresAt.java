package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.service.ApiException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The {@code expiresAt} of a grant on the wire: read from request bodies as an RFC 3339 time (its offset
 * required, any offset accepted), written in UTC as every other time Gatehouse answers with, and only when
 * the grant expires, so that the answers about grants that never expire keep GitBook's shape exactly.
 */
final class ExpiresAt {
    static final String FIELD = "expiresAt";

    private ExpiresAt() {
    }

    /** The body's expiry; absent or null: the grant does not expire. Whether it is in range is the service's to say. */
    static Instant read(Body body) {
        JsonNode v = body.raw(FIELD);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw invalid();
        }
        try {
            return OffsetDateTime.parse(v.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("'" + FIELD + "' must be an RFC 3339 time with its offset, such as "
                + "\"2027-03-01T09:00:00Z\", or null for a grant that does not expire");
    }

    static void put(ObjectNode o, Instant expiresAt) {
        if (expiresAt != null) {
            o.put(FIELD, IsoTime.format(expiresAt));
        }
    }

    static void write(JsonGenerator json, Instant expiresAt) throws IOException {
        if (expiresAt != null) {
            json.writeStringField(FIELD, IsoTime.format(expiresAt));
        }
    }
}
