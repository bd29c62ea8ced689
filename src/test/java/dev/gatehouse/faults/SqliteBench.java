package dev.gatehouse.faults;

import dev.gatehouse.store.Store;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * SQLite's faults. The store is embedded, so there is no connection to cut: commits fail (rolled back),
 * a commit hangs (a stalling disk) and then goes on or fails, or every call fails for a while (the
 * database file unreadable), from now or from the next commit on, all through {@link FlakyStore}; and
 * the node is killed.
 */
final class SqliteBench implements Bench {
    @Override
    public String store() {
        return "sqlite";
    }

    @Override
    public List<String> faults() {
        return List.of("commit-fails", "commit-hangs", "io-outage", KILL);
    }

    @Override
    public Database prepare(Path dir) {
        Path file = dir.resolve("node").resolve("gatehouse.db");
        return new Database() {
            private FlakyStore flaky;

            @Override
            public Supplier<Store> faulty() {
                return () -> flaky = new FlakyStore(SqliteStore.open(file));
            }

            @Override
            public Supplier<Store> direct() {
                return () -> SqliteStore.open(file);
            }

            @Override
            public String dbUrl() {
                return null;
            }

            @Override
            public Path nodeDir() {
                return file.getParent();
            }

            @Override
            public String inject(String fault, Random random) throws InterruptedException {
                switch (fault) {
                    case "commit-fails" -> {
                        int n = 1 + random.nextInt(3);
                        flaky.failNextCommits(n);
                        Thread.sleep(300);
                        return "commit-fails(next " + n + " group commits)";
                    }
                    case "commit-hangs" -> {
                        long ms = 1000 + random.nextInt(2500);
                        boolean fail = random.nextBoolean();
                        flaky.hangNextCommit(ms, fail);
                        Thread.sleep(ms + 200);
                        return "commit-hangs(" + ms + " ms, then " + (fail ? "fails" : "commits") + ")";
                    }
                    case "io-outage" -> {
                        long ms = 500 + random.nextInt(2500);
                        boolean atCommit = random.nextBoolean();
                        if (atCommit) {
                            flaky.outageAtNextCommit();
                        } else {
                            flaky.outage(true);
                        }
                        Thread.sleep(ms);
                        flaky.outage(false);
                        return "io-outage(" + (atCommit ? "from the next commit, " : "") + ms + " ms)";
                    }
                    default -> throw new IllegalArgumentException(fault);
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
