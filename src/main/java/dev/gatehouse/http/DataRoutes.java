package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.service.DataService;
import java.io.ByteArrayInputStream;
import io.javalin.config.RoutesConfig;

/** /v1/orgs/{orgId}/export and /import: an organization as an NDJSON file, out and in. */
final class DataRoutes {
    static final String NDJSON = "application/x-ndjson";

    private final DataService data;

    DataRoutes(DataService data) {
        this.data = data;
    }

    void register(RoutesConfig r) {
        r.get("/v1/orgs/{orgId}/export", ctx -> {
            String org = Http.id(ctx, "orgId");
            DataService.Export export = data.prepare(Http.caller(ctx), org);
            ctx.status(200).contentType(NDJSON);
            ctx.header("Content-Disposition", "attachment; filename=\"" + org + ".ndjson\"");
            export.writeTo(ctx.outputStream());
        });
        r.post("/v1/orgs/{orgId}/import", ctx -> {
            DataService.Imported done = data.importFrom(Http.caller(ctx), Http.id(ctx, "orgId"),
                    new ByteArrayInputStream(ctx.bodyAsBytes()));
            ctx.header(Http.REVISION_HEADER, Long.toString(done.revision()));
            ObjectNode body = Json.object();
            body.put("organizationId", done.organizationId());
            body.put("records", done.records());
            body.put("written", done.written());
            body.put("writes", done.writes());
            body.put("revision", done.revision());
            Http.json(ctx, 200, body);
        });
    }
}
