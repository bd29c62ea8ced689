package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees when starting Gatehouse: settings, the admin token, and the demo. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void settingsComeFromFlagsThenEnvironmentThenDefaults() {
        Settings d = Settings.resolve(null, null, null, Map.of());
        assertThat(d.port()).isEqualTo(8080);
        assertThat(d.dataDir().getFileName().toString()).isEqualTo("gatehouse-data");
        assertThat(d.dataDir().isAbsolute()).isTrue();
        Settings e = Settings.resolve(null, null, null, Map.of("GATEHOUSE_PORT", "9090", "GATEHOUSE_DATA", "/tmp/x"));
        assertThat(e.port()).isEqualTo(9090);
        assertThat(e.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(Settings.resolve(7000, Path.of("/tmp/y"), null, Map.of("GATEHOUSE_PORT", "9090")).port()).isEqualTo(7000);
    }

    @Test
    void theWriteBoundIsTwoSecondsUnlessSetAndABadOneStopsStartUpNamingIt() {
        assertThat(Settings.resolve(null, null, null, Map.of()).database().writeTimeout())
                .isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(Settings.resolve(null, null, null, Map.of("GATEHOUSE_WRITE_TIMEOUT", "0.5")).database().writeTimeout())
                .isEqualTo(java.time.Duration.ofMillis(500));
        for (String bad : new String[] {"0", "fast", "31", "-1"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> Settings.resolve(null, null, null, Map.of("GATEHOUSE_WRITE_TIMEOUT", bad)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GATEHOUSE_WRITE_TIMEOUT");
        }
    }

    @Test
    void aDatabaseUrlSelectsPostgresqlAndNothingPrintsItsPassword() {
        Settings sqlite = Settings.resolve(null, null, null, Map.of());
        assertThat(sqlite.database().postgres()).isFalse();
        assertThat(sqlite.database().startupWait()).isEqualTo(java.time.Duration.ofSeconds(30));
        Map<String, String> env = Map.of("GATEHOUSE_DB_URL", "jdbc:postgresql://db:5432/gh?password=inurl",
                "GATEHOUSE_DB_USER", "gh", "GATEHOUSE_DB_PASSWORD", "hunter22", "GATEHOUSE_DB_WAIT", "2.5",
                "GATEHOUSE_SECRET_KEY", dev.gatehouse.store.SecretBox.newKey());
        Settings pg = Settings.resolve(null, null, null, env);
        assertThat(pg.database().postgres()).isTrue();
        assertThat(pg.database().target().user()).isEqualTo("gh");
        assertThat(pg.database().target().password()).isEqualTo("hunter22");
        assertThat(pg.database().startupWait()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(pg.toString() + pg.database().describe(pg.dataDir())).contains("jdbc:postgresql://db:5432/gh")
                .doesNotContain("hunter22").doesNotContain("inurl");
        DatabaseSettings flags = DatabaseSettings.resolve("jdbc:postgresql://other/x", null, null, "0", env);
        assertThat(flags.url()).isEqualTo("jdbc:postgresql://other/x");
        assertThat(flags.startupWait()).isZero();
    }

    @Test
    void aBadDatabaseSettingStopsStartUpNamingIt() {
        assertThatThrownBy(() -> Settings.resolve(null, null, null, Map.of("GATEHOUSE_DB_URL", "postgres://db/x")))
                .hasMessageContaining("GATEHOUSE_DB_URL");
        assertThatThrownBy(() -> DatabaseSettings.resolve("jdbc:postgresql://db/x", null, null, "soon", Map.of()))
                .hasMessageContaining("--db-wait");
        assertThatThrownBy(() -> Settings.resolve(null, null, null, Map.of("GATEHOUSE_DB_PASSWORD", "pw")))
                .hasMessageContaining("GATEHOUSE_DB_URL");
    }

    @Test
    void postgresqlNeedsTheSharedSecretKeyAndABadKeyIsNamedNotEchoed() {
        Map<String, String> pg = Map.of("GATEHOUSE_DB_URL", "jdbc:postgresql://db:5432/gh");
        assertThatThrownBy(() -> Settings.resolve(null, null, null, pg)).hasMessageContaining("GATEHOUSE_SECRET_KEY")
                .hasMessageContaining("openssl rand -base64 32");
        String bad = "not-a-key-but-a-secret-anyway";
        assertThatThrownBy(() -> Settings.resolve(null, null, null, Map.of("GATEHOUSE_SECRET_KEY", bad)))
                .hasMessageContaining("GATEHOUSE_SECRET_KEY").hasMessageNotContaining(bad);
        String key = dev.gatehouse.store.SecretBox.newKey();
        Settings s = Settings.resolve(null, null, null, Map.of("GATEHOUSE_DB_URL", "jdbc:postgresql://db:5432/gh",
                "GATEHOUSE_SECRET_KEY", key));
        assertThat(s.database().secretKey()).isNotNull();
        assertThat(s.toString() + s.database()).doesNotContain(key);
        // SQLite without the variable keeps its key in the data directory.
        assertThat(Settings.resolve(null, null, null, Map.of()).database().secretKey()).isNull();
    }

    @Test
    void clientBoundsComeFromFlagsThenEnvironmentThenDefaults() {
        assertThat(Settings.resolve(null, null, null, Map.of()).http()).isEqualTo(dev.gatehouse.http.HttpLimits.defaults());
        Map<String, String> env = Map.of("GATEHOUSE_MAX_REQUESTS", "50", "GATEHOUSE_DRAIN_SECONDS", "2.5",
                "GATEHOUSE_BODY_TIMEOUT", "3");
        var fromEnv = HttpSettings.resolve(HttpSettings.Flags.NONE, env);
        assertThat(fromEnv.maxRequests()).isEqualTo(50);
        assertThat(fromEnv.drain()).isEqualTo(java.time.Duration.ofMillis(2500));
        assertThat(fromEnv.bodyTimeout()).isEqualTo(java.time.Duration.ofSeconds(3));
        var flags = HttpSettings.resolve(new HttpSettings.Flags("7", "8", null, "1", "60", "0"), env);
        assertThat(flags.maxRequests()).isEqualTo(7);
        assertThat(flags.maxUploads()).isEqualTo(8);
        assertThat(flags.headerTimeout()).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(flags.idleTimeout()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(flags.drain()).isZero();
        assertThatThrownBy(() -> HttpSettings.resolve(HttpSettings.Flags.NONE, Map.of("GATEHOUSE_MAX_UPLOADS", "0")))
                .hasMessageContaining("GATEHOUSE_MAX_UPLOADS");
        assertThatThrownBy(() -> HttpSettings.resolve(new HttpSettings.Flags(null, null, "soon", null, null, null), Map.of()))
                .hasMessageContaining("--body-timeout");
        assertThatThrownBy(() -> HttpSettings.resolve(HttpSettings.Flags.NONE, Map.of("GATEHOUSE_IDLE_TIMEOUT", "0")))
                .hasMessageContaining("GATEHOUSE_IDLE_TIMEOUT");
    }

    @Test
    void aBadSettingStopsStartUpNamingIt() {
        assertThatThrownBy(() -> Settings.resolve(null, null, null, Map.of("GATEHOUSE_PORT", "eighty")))
                .hasMessageContaining("GATEHOUSE_PORT");
        assertThatThrownBy(() -> Settings.resolve(70000, null, null, Map.of())).hasMessageContaining("--port");
        assertThatThrownBy(() -> Settings.resolve(null, null, "ftp://x", Map.of())).hasMessageContaining("--public-url");
        assertThatThrownBy(() -> Settings.resolve(null, null, null, Map.of("GATEHOUSE_ADMIN_TOKEN", "short")))
                .hasMessageContaining("GATEHOUSE_ADMIN_TOKEN");
    }

    @Test
    void theGeneratedAdminTokenIsKeptReadableByItsOwnerOnly() throws Exception {
        Settings s = Settings.resolve(0, dir, null, Map.of());
        AdminToken.Resolved first = AdminToken.resolve(s);
        assertThat(first.created()).isTrue();
        assertThat(Files.getPosixFilePermissions(first.file()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        AdminToken.Resolved again = AdminToken.resolve(s);
        assertThat(again.created()).isFalse();
        assertThat(again.token()).isEqualTo(first.token());
        Settings fromEnv = Settings.resolve(0, dir, null, Map.of("GATEHOUSE_ADMIN_TOKEN", "0123456789abcdefXYZ"));
        assertThat(AdminToken.resolve(fromEnv).token()).isEqualTo("0123456789abcdefXYZ");
    }

    @Test
    void serveWithDemoFillsAnOrganizationAndPrintsCommandsThatWork() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        Settings s = Settings.resolve(0, dir, null, Map.of());
        String printed;
        int firstPort;
        try (Node running = ServeCommand.start(s, true, out)) {
            firstPort = running.port();
            printed = buf.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("serving on http://localhost:" + running.port());
            assertThat(printed).contains("System token (shown once").contains("alice: gh_").contains("curl");
            assertThat(printed).contains("Open the console at http://localhost:" + running.port() + "/ and sign in with alice's token");
            Matcher m = Pattern.compile("curl -s -H 'Authorization: Bearer (\\S+)' (\\S+/aggregate)").matcher(printed);
            assertThat(m.find()).isTrue();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(2)))
                    .header("Authorization", "Bearer " + m.group(1)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode items = new ObjectMapper().readTree(r.body()).get("items");
            assertThat(items).extracting(i -> i.get("user").get("id").asText()).contains("alice", "bob", "carol", "dave");
            assertThat(Files.exists(dir.resolve(ServeCommand.DATABASE_FILE))).isTrue();
            assertThat(Files.getPosixFilePermissions(dir.resolve(Demo.TOKENS_FILE)))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        buf.reset();
        try (Node again = ServeCommand.start(s, true, out)) {
            String second = buf.toString(StandardCharsets.UTF_8);
            assertThat(again.services().status().revision()).isPositive();
            assertThat(second).contains("already here").doesNotContain("System token (shown once")
                    // The same tokens and commands, at this start's port.
                    .contains(printed.substring(printed.indexOf("Personal tokens"))
                            .replace("localhost:" + firstPort, "localhost:" + again.port()))
                    .contains("System token: in " + dir.resolve(AdminToken.FILE).toAbsolutePath().normalize());
        }
    }

    @Test
    void aStartWithTheTokenFromTheEnvironmentSaysSo() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Settings s = Settings.resolve(0, dir, null, Map.of("GATEHOUSE_ADMIN_TOKEN", "0123456789abcdefXYZ"));
        try (Node running = ServeCommand.start(s, false, new PrintStream(buf, true, StandardCharsets.UTF_8))) {
            assertThat(running.port()).isPositive();
            assertThat(buf.toString(StandardCharsets.UTF_8)).contains("System token: the one GATEHOUSE_ADMIN_TOKEN sets")
                    .doesNotContain("0123456789abcdefXYZ");
        }
    }

    @Test
    void onPortZeroTheLinksInAnswersAndTheApiDocumentNameThePortBound() throws Exception {
        Settings s = Settings.resolve(0, dir, null, Map.of("GATEHOUSE_ADMIN_TOKEN", "0123456789abcdefXYZ"));
        try (Node running = ServeCommand.start(s, false, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))) {
            String origin = "http://localhost:" + running.port();
            assertThat(running.url()).isEqualTo(origin);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> user = client.send(HttpRequest.newBuilder(URI.create(origin + "/v1/users"))
                    .header("Authorization", "Bearer 0123456789abcdefXYZ").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"ada\",\"displayName\":\"Ada\",\"email\":\"ada@example.com\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(user.statusCode()).isEqualTo(201);
            assertThat(new ObjectMapper().readTree(user.body()).at("/urls/location").asText())
                    .isEqualTo(origin + "/v1/users/ada");
            HttpResponse<String> doc = client.send(HttpRequest.newBuilder(URI.create(origin + "/v1/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(new ObjectMapper().readTree(doc.body()).at("/servers/0/url").asText()).isEqualTo(origin);
        }
    }
}
