package dev.gatehouse.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client to a node at an origin, with the system token. Its timeout is long on purpose:
 * a write that takes 30 s to fail is a finding to measure, not to cut short.
 */
final class Api {
    static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String origin;
    private final String token;

    Api(String origin, String token) {
        this.origin = origin;
        this.token = token;
    }

    /**
     * One answer. {@code status} 0 means no answer came (connection refused or broken, timeout): the
     * outcome of a write is then unknown.
     */
    record Res(int status, String body, long revision, long nanos) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        String message() {
            try {
                JsonNode e = body == null || body.isEmpty() ? null : JSON.readTree(body).get("error");
                return e == null ? "" : e.path("message").asText();
            } catch (IOException e) {
                return body;
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Res call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            long revision = r.headers().firstValue("X-Gatehouse-Revision").map(Long::parseLong).orElse(-1L);
            return new Res(r.statusCode(), r.body(), revision, System.nanoTime() - start);
        } catch (IOException e) {
            return new Res(0, e.toString(), -1, System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Res(0, e.toString(), -1, System.nanoTime() - start);
        }
    }

    /** A call that must succeed with {@code status}, for building a round's world. */
    JsonNode expect(int status, String method, String path, String body) {
        Res r = call(method, path, body);
        if (r.status() != status) {
            throw new IllegalStateException(method + " " + path + ": expected " + status + " but got " + r);
        }
        return r.body() == null || r.body().isEmpty() ? null : r.json();
    }
}
