package dev.gatehouse.http.scim;

import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.exceptions.BadRequestException;
import de.captaingoldfish.scim.sdk.common.exceptions.ScimException;
import de.captaingoldfish.scim.sdk.common.response.ErrorResponse;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.ScimDirectory;
import dev.gatehouse.service.ScimTokenService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code /scim/v2/orgs/{organizationId}/...}: authenticates the organization's SCIM token, refuses what the SDK
 * would read loosely (other content types, a {@code count} out of bounds), and hands the request to the SDK.
 * Every answer, errors included, is {@code application/scim+json} in SCIM's format.
 */
public final class ScimRoutes {
    public static final String PREFIX = "/scim/v2/orgs/";
    public static final String MEDIA_TYPE = "application/scim+json";
    private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,9}");

    private final ScimTokenService tokens;
    private final ScimProtocol protocol;
    private final Supplier<String> publicUrl;

    /** {@code publicUrl}: the base of the locations in answers, without a trailing slash. */
    public ScimRoutes(ScimTokenService tokens, ScimDirectory directory, Supplier<String> publicUrl) {
        this.tokens = tokens;
        this.protocol = new ScimProtocol(directory);
        this.publicUrl = publicUrl;
    }

    public void register(RoutesConfig r) {
        Handler h = this::handle;
        String path = PREFIX + "{orgId}/<resource>";
        r.get(path, h);
        r.post(path, h);
        r.put(path, h);
        r.patch(path, h);
        r.delete(path, h);
    }

    private void handle(Context ctx) {
        ScimResponse response;
        try {
            Caller caller = authenticate(ctx);
            checkContentType(ctx);
            checkPaging(ctx);
            String query = ctx.queryString();
            String url = publicUrl.get() + ctx.path() + (query == null ? "" : "?" + query);
            String body = ctx.body();
            ScimSchemas.check(ctx.method().name(), ctx.pathParam("resource"), body);
            if (ctx.method().name().equals("PATCH")) {
                body = EntraRemovals.rewrite(body);
            }
            response = protocol.handle(url, HttpMethod.valueOf(ctx.method().name()), body.isBlank() ? null : body,
                    headers(ctx), caller);
        } catch (ScimException e) {
            response = new ErrorResponse(e);
        }
        if (response instanceof ErrorResponse error) {
            typed(error, ctx);
        }
        response.getHttpHeaders().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                ctx.header(name, value);
            }
        });
        int status = response.getHttpStatus();
        ctx.status(status).contentType(MEDIA_TYPE);
        if (status != 204) {
            ctx.result(response.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The SDK leaves some 400s without a scimType (a filter that does not parse, a PATCH path that names
     * nothing); identity providers branch on it, so it is named here.
     */
    private static void typed(ErrorResponse error, Context ctx) {
        if (error.getStatus() != 400 || error.getScimType().isPresent()) {
            return;
        }
        String detail = error.getDetail().orElse("").toLowerCase(Locale.ROOT);
        if (ctx.queryParam("filter") != null && detail.contains("filter")) {
            error.setScimType("invalidFilter");
        } else if (ctx.method().name().equals("PATCH") && (detail.contains("path") || detail.contains("attribute"))) {
            error.setScimType("invalidPath");
        } else {
            error.setScimType("invalidValue");
        }
    }

    private Caller authenticate(Context ctx) {
        String auth = ctx.header("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7) : null;
        try {
            return tokens.authenticate(ctx.pathParam("orgId"), token);
        } catch (ApiException e) {
            throw new Refused(401, null, e.getMessage());
        }
    }

    /** JSON in either of its SCIM media types (RFC 7644 section 3.8); a form or text is a 415, not a parse error. */
    private static void checkContentType(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null || ctx.body().isBlank()) {
            return;
        }
        int semicolon = type.indexOf(';');
        String media = (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        if (!media.equals(MEDIA_TYPE) && !media.equals("application/json")) {
            throw new Refused(415, null, "the request body must be SCIM JSON: send 'Content-Type: " + MEDIA_TYPE
                    + "' (got '" + type.strip() + "')");
        }
    }

    /**
     * {@code count} from 1 to the maximum, {@code startIndex} a number: a count of 0 or beyond the maximum is
     * refused rather than answered empty or cut short, so a client's paging mistake is seen, not silently
     * followed.
     */
    private static void checkPaging(Context ctx) {
        String count = ctx.queryParam("count");
        if (count != null && (!DIGITS.matcher(count).matches() || Integer.parseInt(count) < 1
                || Integer.parseInt(count) > ScimProtocol.MAX_RESULTS)) {
            throw new BadRequestException("'count' must be a number from 1 to " + ScimProtocol.MAX_RESULTS + " (got '"
                    + count + "')", null, "invalidValue");
        }
        String startIndex = ctx.queryParam("startIndex");
        if (startIndex != null && !DIGITS.matcher(startIndex).matches()) {
            throw new BadRequestException("'startIndex' must be a number, 1 for the first resource (got '" + startIndex
                    + "')", null, "invalidValue");
        }
    }

    private static Map<String, String> headers(Context ctx) {
        Map<String, String> out = new HashMap<>();
        for (String name : new String[] {"Content-Type", "If-Match", "If-None-Match", "Accept"}) {
            String v = ctx.header(name);
            if (v != null) {
                out.put(name, v);
            }
        }
        return out;
    }

    /** A refusal before the SDK runs, in SCIM's error format. */
    private static final class Refused extends ScimException {
        Refused(int status, String scimType, String message) {
            super(message, null, status, scimType);
        }
    }
}
