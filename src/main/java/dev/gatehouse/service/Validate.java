package dev.gatehouse.service;

import dev.gatehouse.model.Ids;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks of single values, each failing with a 400 that names the field and says what it accepts. */
public final class Validate {
    private Validate() {
    }

    public static String text(String field, String value, int min, int max) {
        if (value == null) {
            throw ApiException.badRequest("'" + field + "' is required");
        }
        String t = value.strip();
        if (t.length() < min || t.length() > max) {
            throw ApiException.badRequest("'" + field + "' must be " + min + " to " + max + " characters long");
        }
        // PostgreSQL's text cannot hold it, and no title needs it: refused alike whatever the store.
        if (t.indexOf('\0') >= 0) {
            throw ApiException.badRequest("'" + field + "' must not contain the NUL character");
        }
        return t;
    }

    public static String optionalText(String field, String value, int max) {
        return value == null ? null : text(field, value, 0, max);
    }

    public static String optionalUrl(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || value.length() > 2048) {
                throw new URISyntaxException(value, "not http(s)");
            }
            return value;
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("'" + field + "' must be an http(s) URL");
        }
    }

    public static String id(String field, String value) {
        if (!Ids.isValid(value)) {
            throw ApiException.badRequest("'" + field + "' must be an id: " + Ids.rule());
        }
        return value;
    }
}
