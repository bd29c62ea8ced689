package dev.gatehouse.http;

import dev.gatehouse.service.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /console/{file}}: the console's static files (ES modules, CSS, the share dialog's demo page),
 * from the jar's {@code console/} directory. The console is a client of the documented {@code /v1} API like
 * any other: it holds the caller's token in the browser tab and sends it as a bearer token.
 *
 * <p>Every file is answered with its content type, an {@code ETag} and {@code Cache-Control: no-cache} (so a
 * browser revalidates, and an unchanged file costs a 304), and the console's Content-Security-Policy: scripts,
 * styles and requests from this origin only, nothing inline, no frames.
 */
final class ConsoleRoutes {
    static final String PATH = "/console/";
    /** What the console's pages may load: only this origin's files, nothing inline, never inside a frame. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** A file's name: one directory, no dot but its extension's, so no path can reach outside it. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.(js|css|html|svg|png)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "html", "text/html; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png");

    private record File(byte[] bytes, String type, String etag) {
    }

    private final Map<String, Optional<File>> files = new ConcurrentHashMap<>();

    void register(RoutesConfig r) {
        r.get(PATH + "{file}", this::file);
    }

    private void file(Context ctx) {
        String name = ctx.pathParam("file");
        Matcher m = NAME.matcher(name);
        File f = m.matches() ? files.computeIfAbsent(name, n -> load(n, m.group(1))).orElse(null) : null;
        if (f == null) {
            throw ApiException.notFound("no such console file: " + name);
        }
        headers(ctx);
        ctx.header("ETag", f.etag());
        ctx.header("Cache-Control", "no-cache");
        if (f.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(f.type()).result(f.bytes());
    }

    /** The headers of every console page: its policy, no sniffing, no referrer. */
    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private static Optional<File> load(String name, String extension) {
        try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream("console/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
            return Optional.of(new File(bytes, TYPES.get(extension), "\"" + hash + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
