package dev.gatehouse.http;

import dev.gatehouse.service.ApiException;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * A body sent as anything but JSON (or NDJSON, to an import) is a 415: {@code curl -d} without {@code -H 'Content-Type: application/json'}
 * sends a form, whose bytes would otherwise be read as JSON and refused with a misleading message. A body
 * without a Content-Type is read as JSON, as GitBook's clients mean it.
 */
final class JsonContentType {
    private JsonContentType() {
    }

    static void check(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || type.isBlank() || isJson(type) || isBlank(ctx.bodyAsBytes())
                || (ctx.path().endsWith("/import") && media(type).equals(DataRoutes.NDJSON))) {
            return;
        }
        throw new ApiException(415, "the request body must be JSON: send 'Content-Type: application/json' (got '"
                + type.strip() + "')");
    }

    private static boolean isJson(String type) {
        return media(type).equals("application/json");
    }

    private static String media(String type) {
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
