package dev.gatehouse.http;

import dev.gatehouse.model.Ids;
import dev.gatehouse.service.ApiException;
import io.javalin.http.Context;

/** The parent collection a request names, for creating or moving a collection or a space. */
final class ContentParents {
    private ContentParents() {
    }

    /** The body's {@code parent}: a collection id, or null for the top of the organization. */
    static String parent(Body b) {
        String p = b.nullableString("parent");
        if (p != null && !Ids.isValid(p)) {
            throw ApiException.badRequest("'parent' must be a collection id");
        }
        return p;
    }

    /** The body of a move: {"parent": id or null}, which RequestBodies has seen it holds. */
    static String moveTarget(Context ctx) {
        return parent(Body.parse(ctx.bodyAsBytes()));
    }
}
