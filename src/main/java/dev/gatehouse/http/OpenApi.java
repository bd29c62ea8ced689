package dev.gatehouse.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Gatehouse's OpenAPI 3.1 document, served at {@value #PATH} without authentication. It describes every
 * route the server registers (a test holds the two together): GitBook's endpoints with the shapes
 * Gatehouse answers with, and Gatehouse's additions.
 */
final class OpenApi {
    static final String PATH = "/v1/openapi.json";

    private OpenApi() {
    }

    static String document() {
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
