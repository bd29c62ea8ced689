package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.service.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * {@code GET /}: for a browser, the console (its page loads the modules {@link ConsoleRoutes} serves, under
 * the console's Content-Security-Policy: this origin's files only, nothing inline), which also names the
 * version and links the API document and the documents; JSON for a client that asks for it. And
 * {@code GET /docs/{file}}: the documentation, from the jar, as text, since the repository's pages are not
 * reachable from every network a server runs in; it runs nothing ({@link #CSP}).
 */
final class HomeRoutes {
    /** The files of docs/, which the build copies into the jar (HomeRoutesTest checks the list is complete). */
    static final List<String> DOCS = List.of("README.md", "api.md", "permission-model.md", "reliability.md", "postgresql.md",
            "scaling.md", "console.md", "scim.md", "data.md");
    static final String CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String DOCS_PATH = "/docs/";

    private final String version = version();
    private final String page = page(version);

    void register(RoutesConfig r) {
        r.get("/", this::home);
        r.get(DOCS_PATH + "{file}", this::doc);
    }

    private void home(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json") && !accept.contains("text/html")) {
            ObjectNode body = Json.object().put("name", "Gatehouse").put("version", version);
            ObjectNode links = body.putObject("links");
            links.put("openapi", OpenApi.PATH).put("health", "/healthz").put("metrics", "/metrics");
            ObjectNode docs = links.putObject("docs");
            DOCS.forEach(d -> docs.put(d, DOCS_PATH + d));
            Http.json(ctx, 200, body);
            return;
        }
        ConsoleRoutes.headers(ctx);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    private void doc(Context ctx) {
        String file = ctx.pathParam("file");
        if (!DOCS.contains(file)) {
            throw ApiException.notFound("no such document: " + file + "; the documents are " + String.join(", ", DOCS));
        }
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("text/plain; charset=utf-8").result(resource("gatehouse/docs/" + file));
    }

    private static String page(String version) {
        StringBuilder docs = new StringBuilder();
        for (String d : DOCS) {
            docs.append("<li><a href=\"").append(DOCS_PATH).append(d).append("\">docs/").append(d).append("</a></li>\n");
        }
        return resource("gatehouse/home.html").replace("{{version}}", escape(version)).replace("{{docs}}\n", docs);
    }

    /** The Maven project's version, filtered into the jar at build time. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = HomeRoutes.class.getClassLoader().getResourceAsStream("gatehouse/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "unknown");
    }

    private static String resource(String name) {
        try (InputStream in = HomeRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
