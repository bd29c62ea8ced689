package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses, before a handler runs, a write whose JSON body has a field its operation does not take, or lacks
 * one it requires: a 400 naming the fields, and nothing is written. What each operation takes is its
 * request-body schema in the OpenAPI document, which names Gatehouse's fields and every field of GitBook's
 * schema for the same operation (those Gatehouse has no use for are described as ignored), so the document
 * and the server cannot disagree, and GitBook's client is never refused for a field it sends.
 *
 * <p>Runs for matched routes only, after authentication; an operation the document gives no body takes no
 * fields. An empty body is left to the handler, which says whether the operation needs one; a body checked
 * here is parsed once, the handler finding it parsed ({@link Body#parseAndKeep}).
 */
final class RequestBodies {
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** How messages name the operation ({@code PATCH /v1/spaces/{spaceId}}), and what its body may hold. */
    private record Operation(String name, BodyShape shape) {
    }

    /** By "METHOD documented-path". */
    private final Map<String, Operation> operations;
    /** Route templates as the document writes them: {@code {orgId}} is {@code {organizationId}} there. */
    private final Map<String, String> documented = new ConcurrentHashMap<>();

    private RequestBodies(Map<String, Operation> operations) {
        this.operations = operations;
    }

    /** The operations of an OpenAPI document. */
    static RequestBodies of(JsonNode doc) {
        Map<String, Operation> out = new HashMap<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!WRITES.contains(method)) {
                    continue;
                }
                JsonNode content = op.getValue().at("/requestBody/content");
                if (content.isObject() && !content.has("application/json")) {
                    // A body of another format (an import's NDJSON): its handler reads and checks it line by line.
                    continue;
                }
                JsonNode schema = op.getValue().at("/requestBody/content/application~1json/schema");
                BodyShape shape = schema.isMissingNode() ? BodyShape.empty() : BodyShape.of(doc, schema);
                String name = method + " " + path.getKey();
                out.put(name, new Operation(name, shape));
            }
        }
        return new RequestBodies(Map.copyOf(out));
    }

    /** A before-matched handler: refuses the body of {@code ctx} if its operation does not take it. */
    void check(Context ctx) {
        String method = ctx.method().name();
        if (!WRITES.contains(method)) {
            return;
        }
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            return;
        }
        Operation op = operations.get(method + " " + documented.computeIfAbsent(endpoint.path, OpenApi::documentedPath));
        byte[] bytes = ctx.bodyAsBytes();
        if (op == null || Body.isBlank(bytes)) {
            return;
        }
        op.shape().check(Body.parseAndKeep(bytes).json(), "", op.name());
    }

    /** Checks every matched request's body before its handler, which then finds it parsed already. */
    void register(RoutesConfig r) {
        r.beforeMatched(this::check);
        r.after(ctx -> Body.forget());
    }
}
