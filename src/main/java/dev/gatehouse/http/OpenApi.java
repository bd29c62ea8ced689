package dev.gatehouse.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gatehouse's OpenAPI 3.1 document, served at {@value #PATH} without authentication. It describes every
 * route the server registers (a test holds the two together): GitBook's endpoints with the shapes
 * Gatehouse answers with, and Gatehouse's additions.
 *
 * <p>Path parameters are named as GitBook's own document names them ({@code {organizationId}}), so a
 * client generated from either document takes the same parameters; a few routes name theirs
 * differently in the code ({@link #DOCUMENTED_NAMES}). {@code servers} is the public URL the server was
 * started with.
 */
final class OpenApi {
    static final String PATH = "/v1/openapi.json";

    /** Route parameter names whose documented (GitBook) name differs: route name to documented name. */
    static final Map<String, String> DOCUMENTED_NAMES = Map.of("orgId", "organizationId");

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {
    }

    /** The path of a registered route as the document writes it: {@code /v1/orgs/{orgId}} is {@code /v1/orgs/{organizationId}}. */
    static String documentedPath(String routePath) {
        Matcher m = PARAMETER.matcher(routePath);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("{" + DOCUMENTED_NAMES.getOrDefault(m.group(1), m.group(1)) + "}"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The document with {@code servers} naming the public URL, made once, on first use (after the bind). */
    static Supplier<String> documentAt(Supplier<String> publicUrl) {
        return new Supplier<>() {
            private volatile String document;

            @Override
            public String get() {
                String d = document;
                if (d == null) {
                    d = document(publicUrl.get());
                    document = d;
                }
                return d;
            }
        };
    }

    /** The document as the jar holds it, without {@code servers}. */
    static JsonNode tree() {
        try {
            return Json.MAPPER.readTree(resource());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("openapi.json is not valid JSON", e);
        }
    }

    /** The document, with {@code servers} naming {@code publicUrl}. */
    static String document(String publicUrl) {
        try {
            ObjectNode doc = (ObjectNode) tree();
            doc.putArray("servers").addObject().put("url", publicUrl)
                    .put("description", "This Gatehouse (its public URL)");
            return Json.MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("openapi.json is not valid JSON", e);
        }
    }

    private static String resource() {
        try (InputStream in = OpenApi.class.getClassLoader().getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
