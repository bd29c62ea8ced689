package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.postgres.TestPostgres;
import dev.gatehouse.testlog.ExpectedLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gatehouse serve} on PostgreSQL: it starts, keeps what was written across a restart, and waits for a database that is not up. */
class ServeOnPostgresTest {
    private static final String ADMIN = "test-system-token-0123456789";
    static TestPostgres server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = TestPostgres.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static HttpResponse<String> call(String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + ADMIN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveRunsOnPostgresqlAndAWriteSurvivesARestart() throws Exception {
        PostgresTarget db = server.freshDatabase();
        Map<String, String> env = Map.of("GATEHOUSE_ADMIN_TOKEN", ADMIN, "GATEHOUSE_DB_URL", db.url(),
                "GATEHOUSE_DB_USER", db.user(), "GATEHOUSE_SECRET_KEY", TestPostgres.SECRET_KEY);
        Settings settings = Settings.resolve(0, dir, null, env);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (Node running = ServeCommand.start(settings, false, out)) {
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("database " + db.url());
            HttpResponse<String> created = call("POST", "http://localhost:" + running.port() + "/v1/users",
                    "{\"id\":\"ada\",\"displayName\":\"Ada\",\"email\":\"ada@example.com\"}");
            assertThat(created.statusCode()).isEqualTo(201);
        }
        try (Node again = ServeCommand.start(settings, false, out)) {
            assertThat(again.services().status().revision()).isEqualTo(1);
            HttpResponse<String> read = call("GET", "http://localhost:" + again.port() + "/v1/users/ada", null);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(read.body()).get("displayName").asText()).isEqualTo("Ada");
            assertThat(read.headers().firstValue("X-Gatehouse-Revision")).hasValue("1");
        }
        assertThat(Files.exists(dir.resolve(ServeCommand.DATABASE_FILE))).as("no SQLite file beside it").isFalse();
    }

    @Test
    void aPostgresqlThatCannotBeReachedIsRetriedThenStopsStartUpNamingIt() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/gatehouse";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int code;
        long start = System.nanoTime();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        // The command applies its log settings, which the log puts back after; it warns of each attempt.
        try (ExpectedLog log = ExpectedLog.of("dev.gatehouse")) {
            ServeCommand serve = new ServeCommand();
            serve.env = Map.of("GATEHOUSE_SECRET_KEY", TestPostgres.SECRET_KEY);
            code = new CommandLine(serve).execute("--port", "0", "--data", dir.toString(),
                    "--db-url", url + "?password=in-the-url", "--db-user", "gh", "--db-password", "hunter22",
                    "--db-wait", "1.5");
            assertThat(log.has(Level.WARN, "cannot be reached")).as(log.describe()).isTrue();
            assertThat(log.describe()).doesNotContain("hunter22").doesNotContain("in-the-url");
        } finally {
            System.setErr(original);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isNotZero();
        assertThat(message).contains("gatehouse: cannot start: cannot reach PostgreSQL at " + url)
                .doesNotContain("hunter22").doesNotContain("in-the-url");
        Matcher attempts = Pattern.compile("\\((\\d+) attempts in").matcher(message);
        assertThat(attempts.find()).as(message).isTrue();
        assertThat(Integer.parseInt(attempts.group(1))).isGreaterThan(1);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1500)).isLessThan(Duration.ofSeconds(10));
    }
}
