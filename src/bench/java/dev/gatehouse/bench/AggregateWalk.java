package dev.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a whole list over HTTP, page after page with the cursors the server hands out, the way a client
 * exporting it would: one connection, one request at a time, each response read in full.
 */
final class AggregateWalk {
    /** One timed walk: how long it took end to end, how many items and pages it read. */
    record Walk(double seconds, int items, int pages) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String token;

    AggregateWalk(String token) {
        this.token = token;
    }

    /** {@code warmups} untimed walks, then {@code count} timed ones. */
    List<Walk> walks(String firstPage, int warmups, int count) throws IOException, InterruptedException {
        for (int i = 0; i < warmups; i++) {
            walk(firstPage);
        }
        List<Walk> walks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            walks.add(walk(firstPage));
        }
        return walks;
    }

    Walk walk(String firstPage) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int items = 0;
        int pages = 0;
        String url = firstPage;
        while (url != null) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IOException(url + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
            JsonNode page = json.readTree(r.body());
            items += page.path("items").size();
            pages++;
            JsonNode next = page.path("next").path("page");
            url = next.isTextual()
                    ? firstPage + "&page=" + URLEncoder.encode(next.asText(), StandardCharsets.UTF_8) : null;
        }
        return new Walk((System.nanoTime() - start) / 1e9, items, pages);
    }
}
