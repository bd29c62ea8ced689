package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.model.AuditEntry;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.AuditJson;
import dev.gatehouse.service.AuditService;
import dev.gatehouse.model.AuditPosition;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit log. It pages by position rather than by signed cursor: a position ({@code revision} or
 * {@code revision.seq}) is meaningful on its own, so a consumer can resume from the last entry it stored,
 * or start from a revision a write returned.
 */
final class AuditRoutes {
    private static final Pattern POSITION = Pattern.compile("([0-9]{1,18})(?:\\.([0-9]{1,9}))?");

    private final AuditService audit;

    AuditRoutes(AuditService audit) {
        this.audit = audit;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs/{orgId}/audit-log", ctx -> {
            AuditPosition after = position(ctx.queryParam("after"));
            int limit = Http.limit(ctx);
            List<AuditEntry> entries = audit.page(Http.caller(ctx), Http.id(ctx, "orgId"), after, limit);
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            entries.forEach(e -> items.add(AuditJson.entry(e)));
            if (entries.size() == limit) {
                body.putObject("next").put("after", AuditJson.position(entries.get(entries.size() - 1)));
            }
            Http.json(ctx, 200, body);
        });
    }

    /** {@code 12} is "after revision 12"; {@code 12.3} is "after entry 3 of revision 12". */
    static AuditPosition position(String text) {
        if (text == null || text.isEmpty()) {
            return AuditPosition.START;
        }
        Matcher m = POSITION.matcher(text);
        if (!m.matches()) {
            throw ApiException.badRequest("'after' must be a revision (12) or an entry's position (12.3); got '" + text + "'");
        }
        long revision = Long.parseLong(m.group(1));
        return m.group(2) == null ? AuditPosition.afterRevision(revision)
                : new AuditPosition(revision, Integer.parseInt(m.group(2)));
    }
}
