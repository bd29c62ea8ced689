package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.http.TestApp;
import dev.gatehouse.model.Webhook;
import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.postgres.TestPostgres;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gatehouse migrate}: a SQLite installation moved to PostgreSQL answers as it did, and goes on from there. */
class MigrateCommandTest {
    private static final String HOOK_SECRET = "whsec-0123456789abcdef";
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

    record Run(int code, String out, String err) { }

    private Run migrate(Map<String, String> env, String... args) {
        MigrateCommand command = new MigrateCommand();
        command.env = env;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Run migrate(PostgresTarget db) {
        return migrate(Map.of(), "--data", dir.toString(), "--to", db.url(), "--to-user", db.user());
    }

    /** What a user of the API sees of the world, asked the same way of either node. */
    private static Map<String, JsonNode> answers(TestApp app, World w) {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        seen.put("audit", app.ok(app.get("/v1/orgs/" + w.org + "/audit-log?limit=1000", w.alice), 200));
        seen.put("members", app.ok(app.get("/v1/orgs/" + w.org + "/members", w.alice), 200));
        seen.put("grants", app.ok(app.get("/v1/spaces/" + w.space + "/permissions/users", w.alice), 200));
        seen.put("bob", app.ok(app.get("/v1/spaces/" + w.space + "/permissions/users/bob/explain", w.alice), 200));
        seen.put("invites", app.ok(app.get("/v1/orgs/" + w.org + "/link-invites", w.alice), 200));
        seen.put("webhooks", app.ok(app.get("/v1/orgs/" + w.org + "/webhooks", w.alice), 200));
        seen.put("share", app.ok(app.post("/v1/permissions/check", w.alice, "{\"items\":[{\"shareLink\":"
                + TestApp.quote(w.shareKey) + ",\"resource\":{\"type\":\"space\",\"id\":\"" + w.space + "\"}}]}"), 200));
        seen.put("scim", app.ok(app.get(w.scimPath + "/Users", w.scimToken), 200));
        return seen;
    }

    private record World(String alice, String org, String space, String shareKey, String scimPath, String scimToken,
                         String idempotentBody) { }

    private static TestApp.Res idempotent(TestApp app, String org, String token) {
        return app.send(HttpRequest.newBuilder(URI.create(app.origin() + "/v1/orgs/" + org + "/spaces"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", "create-handbook-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Handbook\"}")).build());
    }

    private static World build(TestApp app) {
        String alice = app.user("alice");
        app.user("bob");
        String org = app.org("Acme", "alice");
        app.member(org, "bob", "\"read\"");
        String space = app.space(org, alice, "{\"title\":\"Docs\"}");
        String expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        app.ok(app.post("/v1/spaces/" + space + "/permissions", alice, "{\"role\":\"edit\",\"users\":[\"bob\"],"
                + "\"expiresAt\":\"" + expiry + "\"}"), 204);
        app.ok(app.post("/v1/orgs/" + org + "/webhooks", alice, "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\""
                + HOOK_SECRET + "\"}"), 201);
        app.ok(app.post("/v1/orgs/" + org + "/link-invites", alice, "{\"role\":\"read\",\"maxUses\":5}"), 201);
        String site = app.ok(app.post("/v1/orgs/" + org + "/sites", alice, "{\"title\":\"Site\",\"spaces\":[\"" + space
                + "\"]}"), 201).get("id").asText();
        String published = app.ok(app.post("/v1/orgs/" + org + "/sites/" + site + "/share-links", alice,
                "{\"name\":\"Press\"}"), 201).get("urls").get("published").asText();
        String shareKey = published.substring(published.indexOf("share=") + "share=".length());
        JsonNode scim = app.ok(app.post("/v1/orgs/" + org + "/scim-tokens", alice, "{\"label\":\"idp\"}"), 201);
        World w = new World(alice, org, space, shareKey, URI.create(scim.get("baseUrl").asText()).getPath(),
                scim.get("token").asText(), null);
        String body = app.ok(idempotent(app, org, alice), 201).toString();
        return new World(alice, org, space, shareKey, w.scimPath, w.scimToken, body);
    }

    private static long rows(PostgresTarget db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), "");
             ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aMigratedInstallationAnswersAsTheSqliteNodeDidAndWritesGoOnAtTheNextRevision() throws Exception {
        World w;
        Map<String, JsonNode> before;
        long revision;
        try (TestApp lite = TestApp.start(dir)) {
            w = build(lite);
            before = answers(lite, w);
            revision = lite.revision();
        }
        PostgresTarget db = server.freshDatabase();

        Run run = migrate(db);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("copied revision " + revision).contains("the copy matches")
                .contains("GATEHOUSE_SECRET_KEY set to the contents of " + dir.resolve("secret-key"));
        for (String table : List.of("changelog", "audit_log", "webhooks", "idempotency_keys", "tokens", "scim_tokens",
                "secrets", "link_invites", "share_links", "grants")) {
            assertThat(run.out()).containsPattern("(?m)^  " + table + " +[1-9][0-9]* rows");
        }
        java.util.regex.Matcher sums = java.util.regex.Pattern.compile("SQLite ([0-9a-f]{64}), PostgreSQL ([0-9a-f]{64})")
                .matcher(run.out());
        assertThat(sums.find()).as(run.out()).isTrue();
        assertThat(sums.group(1)).isEqualTo(sums.group(2));

        SecretBox key = SecretBox.keyFile(dir.resolve("secret-key"));
        try (TestApp pg = TestApp.start(() -> PostgresStore.open(db, Duration.ofSeconds(5), key))) {
            assertThat(pg.revision()).isEqualTo(revision);
            assertThat(answers(pg, w)).isEqualTo(before);
            assertThat(answers(pg, w).get("share").get("items").get(0).get("permission").asText()).isEqualTo("read");
            // The sealed signing key opens with the same key: the webhook still signs with its secret.
            List<Webhook> hooks = pg.store().webhooks(w.org);
            assertThat(hooks).singleElement().extracting(Webhook::secret).isEqualTo(HOOK_SECRET);
            // The stored answer is replayed, not made again.
            assertThat(pg.ok(idempotent(pg, w.org, w.alice), 201).toString()).isEqualTo(w.idempotentBody);
            assertThat(pg.revision()).isEqualTo(revision);

            TestApp.Res next = pg.post("/v1/orgs/" + w.org + "/spaces", w.alice, "{\"title\":\"After\"}");
            assertThat(pg.ok(next, 201)).isNotNull();
            assertThat(next.header("X-Gatehouse-Revision")).isEqualTo(String.valueOf(revision + 1));
        }
    }

    @Test
    void aGeneratedWorldCopiesInSeveralBatchesAndLoadsTheSameOnPostgresql() throws Exception {
        long revision;
        int grants;
        try (SqliteStore store = SqliteStore.open(dir.resolve("gatehouse.db"))) {
            Datasets.large(store, 7, Datasets.Large.scaled(0.006));
            revision = store.revision();
            grants = store.load().grants().size();
        }
        assertThat(grants).as("more grants than one batch holds").isGreaterThan(2_000);
        PostgresTarget db = server.freshDatabase();

        Run run = migrate(db);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^  grants +" + grants + " rows, +" + grants + " in PostgreSQL$");
        assertThat(rows(db, "grants")).isEqualTo(grants);
        try (PostgresStore pg = PostgresStore.open(db, Duration.ofSeconds(5), SecretBox.keyFile(dir.resolve("secret-key")))) {
            assertThat(pg.revision()).isEqualTo(revision);
            assertThat(pg.load().grants()).hasSize(grants);
        }
    }

    @Test
    void aTargetThatHoldsRowsIsRefusedAndLeftAsItWas() throws Exception {
        try (TestApp lite = TestApp.start(dir)) {
            lite.user("alice");
        }
        PostgresTarget db = server.freshDatabase();
        SecretBox key = SecretBox.keyFile(dir.resolve("secret-key"));
        try (TestApp other = TestApp.start(() -> PostgresStore.open(db, Duration.ofSeconds(5), key))) {
            other.user("zed");
            other.user("yan");
        }
        long changelog = rows(db, "changelog");
        long users = rows(db, "users");

        Run run = migrate(db);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("gatehouse: the target database is not empty").doesNotContain("\n");
        assertThat(rows(db, "changelog")).isEqualTo(changelog).isEqualTo(4);
        assertThat(rows(db, "users")).isEqualTo(users);
    }

    @Test
    void aBadOrUnreachableUrlIsOneLine() throws Exception {
        try (TestApp lite = TestApp.start(dir)) {
            lite.user("alice");
        }
        Run bad = migrate(Map.of(), "--data", dir.toString(), "--to", "postgres://db.example/gatehouse?password=hunter22");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("gatehouse: --to must be a PostgreSQL URL, jdbc:postgresql://HOST:PORT/DB"
                + System.lineSeparator());

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run unreachable = migrate(Map.of(), "--data", dir.toString(), "--to",
                "jdbc:postgresql://127.0.0.1:" + closed + "/gatehouse?password=hunter22");
        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err().strip()).startsWith("gatehouse: cannot read the PostgreSQL database")
                .doesNotContain("\n").doesNotContain("hunter22");
    }
}
