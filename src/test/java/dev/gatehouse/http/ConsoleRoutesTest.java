package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's files: served with their types, revalidated by ETag, under the console's policy; and written so
 * that the policy holds (no inline script or style, no on* attributes) and data is only ever rendered as text.
 */
class ConsoleRoutesTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Path SOURCES = Path.of("src/main/resources/console");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8", "html", "text/html;charset=utf-8", "svg", "image/svg+xml");

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

    private static List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(SOURCES)) {
            return s.sorted().toList();
        }
    }

    @Test
    void everyFileIsServedWithItsTypeItsETagAndThePolicy() throws Exception {
        List<Path> files = files();
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("app.js", "api.js", "share-dialog.js", "gatehouse-share.js", "console.css", "share.css", "share-demo.html");
        for (Path f : files) {
            String name = f.getFileName().toString();
            HttpResponse<byte[]> r = get("/console/" + name, null);
            assertThat(r.statusCode()).as(name).isEqualTo(200);
            assertThat(r.body()).as(name).isEqualTo(Files.readAllBytes(f));
            String ext = name.substring(name.lastIndexOf('.') + 1);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).as(name).isEqualTo(TYPES.get(ext));
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(name).hasValue(ConsoleRoutes.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(name).hasValue("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).as(name).hasValue("no-cache");
            String etag = r.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).matches("\"[0-9a-f]{32}\"");
            HttpResponse<byte[]> again = get("/console/" + name, etag);
            assertThat(again.statusCode()).as(name).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
    }

    @Test
    void namesOutsideTheDirectoryAreNotFoundInTheErrorFormat() throws Exception {
        for (String name : List.of("nothing.js", "..%2Fgatehouse%2Fhome.html", "%2e%2e%2Fopenapi.json", "App.js", "app.JS",
                "app.js.map", "version.properties", ".hidden.js", "share-dialog")) {
            HttpResponse<byte[]> r = get("/console/" + name, null);
            assertThat(r.statusCode()).as(name).isIn(400, 404);
            assertThat(new String(r.body())).as(name).startsWith("{\"error\":{\"code\":");
        }
    }

    /** What the policy forbids, and what would render data as markup, appears nowhere in the console's sources. */
    @Test
    void theSourcesRenderTextOnlyAndNeedNothingInline() throws Exception {
        Pattern markupSinks = Pattern.compile("\\.(innerHTML|outerHTML|insertAdjacentHTML)\\b|document\\.write|\\beval\\(|new Function"
                + "|\\.style\\.|setAttribute\\('style'|createContextualFragment|srcdoc");
        Pattern inlineHtml = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\sstyle=|\\son[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE);
        for (Path f : files()) {
            String text = Files.readString(f);
            String name = f.getFileName().toString();
            if (name.endsWith(".js")) {
                assertThat(markupSinks.matcher(text).find()).as(name + " renders data as text only").isFalse();
            }
            if (name.endsWith(".html")) {
                assertThat(inlineHtml.matcher(text).find()).as(name + " has nothing inline").isFalse();
            }
        }
        String home = Files.readString(Path.of("src/main/resources/gatehouse/home.html"));
        assertThat(inlineHtml.matcher(home).find()).as("the console's page has nothing inline").isFalse();
    }

    private HttpResponse<byte[]> get(String path, String etag) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.origin() + path)).GET();
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
