package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The links in answers, as docs/api.md describes them: {@code urls.location} (and {@code Location}) is the
 * object in this API; {@code app}, {@code published}, {@code public} and {@code preview} are the documentation
 * platform's pages under the same public URL, which Gatehouse does not serve.
 */
class LinksTest {
    private static final String PUBLIC_URL = "http://localhost";

    @TempDir
    Path dir;

    @Test
    void locationIsTheObjectHereAndThePlatformsPagesAreNotServed() {
        try (TestApp app = TestApp.start(dir)) {
            String alice = app.user("alice");
            String org = app.org("Docs", "alice");
            List<JsonNode> created = new ArrayList<>();
            created.add(app.ok(app.get("/v1/users/alice", TestApp.SYSTEM), 200));
            created.add(app.ok(app.get("/v1/orgs/" + org, alice), 200));
            JsonNode collection = app.ok(app.post("/v1/orgs/" + org + "/collections", alice, "{\"title\":\"C\"}"), 201);
            created.add(collection);
            JsonNode space = app.ok(app.post("/v1/orgs/" + org + "/spaces", alice, "{\"title\":\"S\",\"visibility\":\"public\"}"), 201);
            created.add(space);
            created.add(app.ok(app.post("/v1/spaces/" + space.get("id").asText() + "/pages", alice, "{\"title\":\"P\"}"), 201));
            created.add(app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Site\",\"spaces\":[\""
                    + space.get("id").asText() + "\"]}"), 201));

            TreeSet<String> kinds = new TreeSet<>();
            for (JsonNode object : created) {
                for (Map.Entry<String, JsonNode> link : object.get("urls").properties()) {
                    String url = link.getValue().asText();
                    assertThat(url).as(link.getKey()).startsWith(PUBLIC_URL + "/");
                    String path = url.substring(PUBLIC_URL.length());
                    kinds.add(link.getKey());
                    TestApp.Res res = app.get(path, link.getKey().equals("location") && path.startsWith("/v1/users/")
                            ? TestApp.SYSTEM : alice);
                    if (link.getKey().equals("location")) {
                        assertThat(res.status()).as(url).isEqualTo(200);
                        assertThat(res.json().get("id").asText()).as(url).isEqualTo(object.get("id").asText());
                    } else {
                        assertThat(res.status()).as(url + " is the platform's to serve").isEqualTo(404);
                        assertThat(res.json().at("/error/code").asInt()).isEqualTo(404);
                    }
                }
            }
            assertThat(kinds).containsExactly("app", "location", "preview", "public", "published");
        }
    }
}
