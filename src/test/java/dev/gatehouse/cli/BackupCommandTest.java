package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.service.Caller;
import dev.gatehouse.service.Services;
import dev.gatehouse.service.UserService;
import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * gatehouse backup while a node writes to the same database: every write acknowledged before the backup began
 * is in the copy, and a node started on the copy serves it.
 */
class BackupCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int backup(String... args) {
        BackupCommand c = new BackupCommand();
        c.env = Map.of();
        out.getBuffer().setLength(0);
        return new CommandLine(c).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(out, true)).execute(args);
    }

    @Test
    void aCopyTakenUnderWritesHoldsEveryWriteAcknowledgedBeforeIt() throws Exception {
        Path data = dir.resolve("data");
        Path copy = dir.resolve("backups/copy.db");
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int before;
        int after;
        try (Services node = Services.open(SqliteStore.open(data.resolve(DatabaseSettings.SQLITE_FILE)),
                Services.Options.defaults("backup-test-system-token"))) {
            Thread writer = new Thread(() -> {
                // Bounded: the loop stops when told, or after this many writes whatever happens.
                for (int i = 0; i < 100_000 && !stop.get(); i++) {
                    node.users().create(Caller.SYSTEM, new UserService.NewUser("w" + i, "W " + i, "w" + i + "@example.com", null));
                    acknowledged.set(i + 1);
                }
            });
            writer.start();
            awaitWrites(acknowledged, 200, writer);
            before = acknowledged.get();
            int code = backup("--data", data.toString(), "--to", copy.toString());
            after = acknowledged.get();
            // A few more writes after the copy, which it need not hold.
            awaitWrites(acknowledged, after + 50, writer);
            stop.set(true);
            writer.join(30_000);
            assertThat(code).as(out.toString()).isZero();
        }
        assertThat(out.toString()).startsWith("backed up revision ").contains("to restore:");
        assertThat(after).as("the node went on writing while the copy was taken").isGreaterThanOrEqualTo(before);

        // Restoring is starting on the copy, with the data directory's key.
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(copy, restored.resolve(DatabaseSettings.SQLITE_FILE));
        Files.copy(data.resolve(SecretBox.KEY_FILE), restored.resolve(SecretBox.KEY_FILE));
        try (Services node = Services.open(SqliteStore.open(restored.resolve(DatabaseSettings.SQLITE_FILE)),
                Services.Options.defaults("backup-test-system-token"))) {
            int held = node.reads().read(w -> {
                int n = 0;
                while (w.user("w" + n) != null) {
                    n++;
                }
                return n;
            });
            assertThat(held).isGreaterThanOrEqualTo(before);
            assertThat(node.reads().revision()).isEqualTo(held);
        }
    }

    private static void awaitWrites(AtomicInteger acknowledged, int count, Thread writer) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (acknowledged.get() < count) {
            assertThat(writer.isAlive()).as("the writer is writing").isTrue();
            assertThat(System.nanoTime()).as("writes within a minute").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void aBackupRefusesAnExistingFileAndPostgres() throws Exception {
        Path data = dir.resolve("data");
        // Refused while a server has the database open, as it would be in use.
        try (SqliteStore running = SqliteStore.open(data.resolve(DatabaseSettings.SQLITE_FILE))) {
            assertThat(running.ping()).isTrue();
            Path taken = Files.writeString(dir.resolve("taken.db"), "mine");
            assertThat(backup("--data", data.toString(), "--to", taken.toString())).isEqualTo(2);
            assertThat(out.toString()).contains("exists; back up to a new file");
            assertThat(Files.readString(taken)).isEqualTo("mine");
        }
        assertThat(backup("--data", dir.resolve("nothing").toString(), "--to", dir.resolve("c.db").toString()))
                .isEqualTo(2);
        assertThat(out.toString()).contains("no SQLite database");
        BackupCommand c = new BackupCommand();
        c.env = Map.of("GATEHOUSE_SECRET_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        StringWriter said = new StringWriter();
        int code = new CommandLine(c).setErr(new PrintWriter(said, true)).execute("--db-url",
                "jdbc:postgresql://localhost:1/x", "--to", dir.resolve("p.db").toString());
        assertThat(code).isEqualTo(2);
        assertThat(said.toString()).contains("pg_dump");
    }
}
