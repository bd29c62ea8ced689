package dev.gatehouse.bench;

import dev.gatehouse.datasets.Datasets;
import dev.gatehouse.store.migrate.SqliteToPostgres;
import dev.gatehouse.store.migrate.Verification;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.postgres.TestPostgres;
import dev.gatehouse.store.sqlite.SqliteStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code gatehouse migrate}'s copy and check on {@code large}: the dataset written into a SQLite file, then copied
 * into an empty database of an embedded PostgreSQL with fsync and synchronous commits on, and verified (rows counted
 * on both sides, each store's state loaded and digested). Reports the seconds of each part and the rows copied a
 * second. {@code GATEHOUSE_BENCH_SCALE} (default 1) shrinks the dataset.
 */
final class MigrateBenchmark {
    private MigrateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.print(run(RunBenchmarks.machine(), "mvn -o -q -Pbench test-compile exec:exec -Dbench.args=MigrateBenchmark"));
    }

    static String run(String machine, String command) throws Exception {
        double scale = Double.parseDouble(System.getenv().getOrDefault("GATEHOUSE_BENCH_SCALE", "1"));
        Path root = Path.of("target", "bench-data", "migrate-benchmark");
        delete(root);
        Files.createDirectories(root);
        Path file = root.resolve("gatehouse.db");
        long t0 = System.nanoTime();
        try (SqliteStore store = SqliteStore.open(file, TestPostgres.KEY)) {
            Datasets.large(store, BenchData.SEED, Datasets.Large.scaled(scale));
        }
        say(String.format(Locale.ROOT, "generated large (scale %s) in %.1f s", scale, seconds(t0)));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE gatehouse");
            }
            PostgresTarget target = new PostgresTarget("jdbc:postgresql://localhost:" + pg.getPort() + "/gatehouse",
                    "postgres", null);
            long t = System.nanoTime();
            SqliteToPostgres.Copied copied = SqliteToPostgres.copy(file, TestPostgres.KEY, target, Duration.ofSeconds(30));
            double copySeconds = seconds(t);
            long rows = copied.rows().values().stream().mapToLong(Long::longValue).sum();
            say(String.format(Locale.ROOT, "copied %,d rows in %.1f s", rows, copySeconds));
            t = System.nanoTime();
            Verification check = Verification.of(file, TestPostgres.KEY, target, Duration.ofSeconds(30),
                    copied.rows().keySet());
            double checkSeconds = seconds(t);
            if (!check.matches()) {
                throw new IllegalStateException("the copy differs: " + check);
            }
            StringBuilder md = new StringBuilder();
            md.append("\n## ").append(LocalDate.now()).append(" — gatehouse migrate (SQLite to PostgreSQL)\n\n");
            md.append(machine).append(" Command: `").append(command).append("`");
            md.append(scale == 1 ? "" : " with GATEHOUSE_BENCH_SCALE=" + scale).append(".\n\n");
            md.append("| dataset | rows | grants | revision | copy (s) | rows/s | check (s) | matches |\n");
            md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            md.append(String.format(Locale.ROOT, "| large x %s | %,d | %,d | %d | %.1f | %,.0f | %.1f | %s |%n", scale, rows,
                    copied.rows().get("grants"), copied.revision(), copySeconds, rows / copySeconds, checkSeconds,
                    check.matches() ? "yes" : "no"));
            return md.toString();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void say(String line) {
        System.err.println("[migrate-benchmark] " + line);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
