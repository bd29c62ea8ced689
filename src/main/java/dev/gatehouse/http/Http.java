package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.model.Ids;
import dev.gatehouse.model.Role;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.Paging;
import dev.gatehouse.service.Slice;
import dev.gatehouse.service.Written;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** What every handler needs: the caller, path ids, paging, and writing the response with its revision. */
final class Http {
    static final String REVISION_HEADER = "X-Gatehouse-Revision";
    static final String CALLER = "gatehouse.caller";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final int DEFAULT_LIMIT = 100;

    private final Cursors cursors;

    Http(Cursors cursors) {
        this.cursors = cursors;
    }

    static Caller caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    /** A path id; a malformed one is a 400 (it could never name anything). */
    static String id(Context ctx, String name) {
        String v = ctx.pathParam(name);
        if (!Ids.isValid(v)) {
            throw ApiException.badRequest("'" + v + "' is not a valid " + name + ": ids are " + Ids.rule());
        }
        return v;
    }

    static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null) {
            return DEFAULT_LIMIT;
        }
        if (!DIGITS.matcher(v).matches() || Integer.parseInt(v) < 1 || Integer.parseInt(v) > Paging.MAX_LIMIT) {
            throw ApiException.badRequest("'limit' must be a whole number from 1 to " + Paging.MAX_LIMIT + "; got '" + v + "'");
        }
        return Integer.parseInt(v);
    }

    /** The keyset position the 'page' cursor points at, or null for the first page. */
    String after(Context ctx) {
        String page = ctx.queryParam("page");
        return page == null || page.isEmpty() ? null : cursors.decode(binding(ctx), page);
    }

    /**
     * Writes {items, next?: {page}} straight to the response as it goes: a page of 1000 items is hundreds
     * of kilobytes, and building it as a tree and then as a byte array made every request allocate it
     * several times over. Whatever can fail (the cursor, the items) is done before the first byte, so that a
     * failure still answers with an error instead of half a page; the generator is closed, which writes its
     * last buffered bytes, only when the page is complete.
     */
    <T> void list(Context ctx, Slice<T> slice, Json.Writer<T> item) throws IOException {
        String next = slice.nextKey() == null ? null : cursors.encode(binding(ctx), slice.nextKey());
        ctx.status(200).contentType("application/json");
        JsonGenerator json = Json.generator(ctx.outputStream());
        json.writeStartObject();
        Json.startArray(json, Names.ITEMS);
        for (T t : slice.items()) {
            item.write(json, t);
        }
        json.writeEndArray();
        if (next != null) {
            Json.startObject(json, Names.NEXT);
            Json.field(json, Names.PAGE, next);
            json.writeEndObject();
        }
        json.writeEndObject();
        json.close();
    }

    /** A cursor is valid only for the list it came from: the same path and the same filters. */
    private static String binding(Context ctx) {
        Map<String, String> filters = new TreeMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!k.equals("page") && !k.equals("limit")) {
                filters.put(k, String.join(",", v));
            }
        });
        return ctx.path() + "?" + filters;
    }

    /** 201 with the created object, and its address in Location when it has one (null: none). */
    static <T> void created(Context ctx, String location, Json.Writer<T> shape, T value) {
        if (location != null) {
            ctx.header("Location", location);
        }
        json(ctx, 201, shape, value);
    }

    /**
     * One object, written whole before it is sent: the body stays readable after the handler, for
     * {@link Idempotency} to keep it.
     */
    static <T> void json(Context ctx, int status, Json.Writer<T> shape, T value) {
        ctx.status(status).contentType("application/json").result(Json.bytes(shape, value));
    }

    /** A fixed body around the routes (an error, health), built as a tree. */
    static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(Json.bytes(body));
    }

    /** Parses a role given as a query parameter (the role a list is filtered by). */
    static Role roleParam(String v) {
        try {
            return Role.parse(v);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'role': " + e.getMessage());
        }
    }

    /** Marks the response with the revision a write produced. */
    static void revision(Context ctx, Written<?> w) {
        ctx.header(REVISION_HEADER, Long.toString(w.revision()));
    }

    /** 204 after a write GitBook answers without a body. */
    static void noContent(Context ctx, Written<?> w) {
        revision(ctx, w);
        ctx.status(204);
    }

    /** DELETE: 205 when something was removed, 204 when there was nothing to remove. */
    static void deleted(Context ctx, Written<Boolean> w) {
        revision(ctx, w);
        ctx.status(Boolean.TRUE.equals(w.value()) ? 205 : 204);
    }

    /** Parses a boolean query parameter strictly. */
    static Boolean boolParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return null;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw ApiException.badRequest("'" + name + "' must be true or false; got '" + v + "'");
        }
        return Boolean.valueOf(v);
    }

    /** Parses 'order' (asc|desc, default desc). */
    static boolean descending(Context ctx) {
        String v = ctx.queryParam("order");
        if (v == null || v.equals("desc")) {
            return true;
        }
        if (v.equals("asc")) {
            return false;
        }
        throw ApiException.badRequest("'order' must be asc or desc; got '" + v + "'");
    }
}
