package dev.gatehouse.http;

import dev.gatehouse.service.ApiException;
import dev.gatehouse.service.Caller;
import dev.gatehouse.service.IdempotencyService;
import dev.gatehouse.model.IdempotentRequest;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on writes: before the handler, the key is reserved or its first answer is found;
 * after it, the answer is stored, less the secrets it handed out ({@link WithheldSecrets}). A replay skips
 * the handler by raising {@link Replay}, which the error mapping turns back into the stored answer.
 */
final class Idempotency {
    static final String HEADER = "Idempotency-Key";
    private static final String KEY = "gatehouse.idempotency-key";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final IdempotencyService service;

    Idempotency(IdempotencyService service) {
        this.service = service;
    }

    /** The stored answer to repeat instead of running the request. */
    static final class Replay extends RuntimeException {
        final transient IdempotentRequest answer;

        Replay(IdempotentRequest answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    void before(Context ctx) {
        String key = ctx.header(HEADER);
        if (key == null || !WRITES.contains(ctx.method().name()) || !ctx.path().startsWith("/v1/")) {
            return;
        }
        if (!VALID.matcher(key).matches()) {
            throw ApiException.badRequest("'Idempotency-Key' must be 1 to 255 visible ASCII characters");
        }
        Caller caller = Http.caller(ctx);
        IdempotencyService.Decision d = service.begin(caller, key, hash(ctx));
        if (d instanceof IdempotencyService.Decision.Replay replay) {
            throw new Replay(replay.answer());
        }
        ctx.attribute(KEY, key);
        // The write this request makes marks the key in its own transaction (see Caller#withIdempotencyKey).
        ctx.attribute(Http.CALLER, caller.withIdempotencyKey(key));
    }

    void after(Context ctx) {
        String key = ctx.attribute(KEY);
        if (key == null) {
            return;
        }
        Caller caller = Http.caller(ctx);
        int status = ctx.statusCode();
        if (status >= 500) {
            // Nothing was written, or the outcome is unknown: the key is forgotten unless the store marked it
            // with a write that landed, so a retry is either a real second try or told that the first landed.
            service.release(caller, key);
            return;
        }
        String revision = ctx.res().getHeader(Http.REVISION_HEADER);
        String contentType = ctx.res().getContentType();
        service.complete(caller, key, new IdempotentRequest(null, status, contentType,
                WithheldSecrets.fromAnswer(contentType, ctx.result()), ctx.res().getHeader("Location"),
                revision == null ? 0 : Long.parseLong(revision), null));
    }

    static void replay(Replay r, Context ctx) {
        IdempotentRequest a = r.answer;
        ctx.status(a.status());
        ctx.header("Idempotent-Replayed", "true");
        ctx.header(Http.REVISION_HEADER, Long.toString(a.revision()));
        if (a.location() != null) {
            ctx.header("Location", a.location());
        }
        if (a.contentType() != null) {
            ctx.contentType(a.contentType());
        }
        if (a.body() != null) {
            ctx.result(a.body());
        }
    }

    /** What makes two requests "the same": method, path, query and body. */
    private static String hash(Context ctx) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((ctx.method().name() + " " + ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString())
                    + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(ctx.bodyAsBytes());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
