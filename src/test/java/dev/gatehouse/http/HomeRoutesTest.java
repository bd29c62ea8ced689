package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET / for a browser (the console) and for a client asking for JSON, and the documents it links to. */
class HomeRoutesTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /**
     * A browser gets the console: a page that runs only the console's own module file (no inline script, no inline
     * style, nothing from another origin, under the console's Content-Security-Policy), and still names the version
     * and links the API document, the health and metrics endpoints and every document.
     */
    @Test
    void aBrowserGetsTheConsoleWhichNamesTheVersionAndLinksEverywhere() throws Exception {
        HttpResponse<String> r = get("/", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(ConsoleRoutes.CSP);
        assertThat(ConsoleRoutes.CSP).startsWith("default-src 'self'").contains("script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'").doesNotContain("unsafe");
        String page = r.body();
        String version = HomeRoutes.version();
        assertThat(version).matches("[0-9]+\\.[0-9]+\\.[0-9]+.*");
        assertThat(page).contains("Gatehouse").contains(version)
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("style=");
        List<String> scripts = new ArrayList<>();
        Matcher s = Pattern.compile("<script([^>]*)>([^<]*)</script>", Pattern.CASE_INSENSITIVE).matcher(page);
        while (s.find()) {
            assertThat(s.group(2)).as("no inline script").isBlank();
            scripts.add(s.group(1).trim());
        }
        assertThat(scripts).containsExactly("type=\"module\" src=\"/console/app.js\"");
        assertThat(page.split("(?i)<script", -1)).hasSize(2);
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("(?:href|src)=\"([^\"#][^\"]*)\"").matcher(page);
        while (m.find()) {
            links.add(m.group(1));
        }
        assertThat(links).contains("/v1/openapi.json", "/healthz", "/metrics", "/console/app.js", "/console/console.css");
        for (String link : links) {
            assertThat(get(link, "*/*").statusCode()).as(link).isEqualTo(200);
        }
        assertThat(links).filteredOn(l -> l.startsWith("/docs/")).hasSize(HomeRoutes.DOCS.size());
    }

    @Test
    void aClientAskingForJsonGetsNameVersionAndLinks() throws Exception {
        HttpResponse<String> r = get("/", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(json.get("name").asText()).isEqualTo("Gatehouse");
        assertThat(json.get("version").asText()).isEqualTo(HomeRoutes.version());
        assertThat(json.get("links").get("openapi").asText()).isEqualTo("/v1/openapi.json");
        assertThat(json.get("links").get("health").asText()).isEqualTo("/healthz");
        assertThat(json.get("links").get("metrics").asText()).isEqualTo("/metrics");
        assertThat(json.get("links").get("docs").get("api.md").asText()).isEqualTo("/docs/api.md");
    }

    @Test
    void theDocsAreServedAsTextAndTheListIsComplete() throws Exception {
        List<String> inRepository;
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            inRepository = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
        assertThat(HomeRoutes.DOCS).containsExactlyInAnyOrderElementsOf(inRepository);
        // The docs' own index, docs/README.md, links every other document.
        String index = Files.readString(Path.of("docs", "README.md"));
        assertThat(inRepository).filteredOn(n -> !n.equals("README.md"))
                .allSatisfy(n -> assertThat(index).as("docs/README.md links " + n).contains("](" + n + ")"));
        HttpResponse<String> doc = get("/docs/api.md", "*/*");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
        assertThat(doc.body()).isEqualTo(Files.readString(Path.of("docs/api.md")));
        assertThat(get("/docs/..%2Fpom.xml", "*/*").statusCode()).isIn(400, 404);
        assertThat(get("/docs/pom.xml", "*/*").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(app.origin() + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
