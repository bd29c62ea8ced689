package dev.gatehouse.http;

import dev.gatehouse.service.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Times in query parameters, as RFC 3339 writes them ({@code 2026-11-30T10:00:00Z},
 * {@code 2026-11-30T11:00:00.5+01:00}): seconds and an offset required, {@code T} and {@code Z} in either case.
 * The shape is checked first, since {@code DateTimeFormatter} alone also takes times without seconds.
 */
final class Rfc3339 {
    private static final Pattern SHAPE = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");

    private Rfc3339() {
    }

    /** The query parameter {@code name} as an instant, null when absent; 400 when it is not an RFC 3339 time. */
    static Instant param(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            if (SHAPE.matcher(text).matches()) {
                return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
        } catch (DateTimeParseException e) {
            // The shape is right but the date or time is not (February 30th, 25 o'clock): refused below.
        }
        throw ApiException.badRequest("'" + name + "' must be an RFC 3339 time such as 2026-11-30T10:00:00Z or "
                + "2026-11-30T11:00:00+01:00 (with '+' written %2B in a URL); got '" + text + "'");
    }
}
