package dev.gatehouse.cli;

import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.migrate.SqliteToPostgres;
import dev.gatehouse.store.migrate.Verification;
import dev.gatehouse.store.postgres.PostgresTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse migrate --to jdbc:postgresql://...}: a stopped SQLite installation copied into an empty
 * PostgreSQL database, checked, with the steps to switch the nodes over.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Copy a SQLite data directory into an empty PostgreSQL database and check the copy (see docs/data.md).")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    DataDirectory source;

    @Option(names = "--to", required = true, description = "The empty PostgreSQL database, jdbc:postgresql://HOST:PORT/DB.")
    String to;

    @Option(names = "--to-user", description = "Its user (default: from the URL).")
    String toUser;

    @Option(names = "--to-password", description = "Its password (env GATEHOUSE_DB_PASSWORD, which other users cannot "
            + "read in the process list).")
    String toPassword;

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (to == null || !to.strip().startsWith("jdbc:postgresql://")) {
            // Not echoed: a URL may hold a password.
            err.println("gatehouse: --to must be a PostgreSQL URL, jdbc:postgresql://HOST:PORT/DB");
            return 2;
        }
        Path data = source.resolve(env);
        Path file = data.resolve(DatabaseSettings.SQLITE_FILE);
        if (!Files.isRegularFile(file)) {
            err.println("gatehouse: no database in " + data + " (give --data)");
            return 2;
        }
        String keyFrom;
        SecretBox box;
        try {
            box = DatabaseSettings.secretKey(env.get("GATEHOUSE_SECRET_KEY"));
            keyFrom = "the same GATEHOUSE_SECRET_KEY this command ran with";
            if (box == null) {
                Path keyFile = data.resolve(SecretBox.KEY_FILE);
                if (!Files.isRegularFile(keyFile)) {
                    err.println("gatehouse: no " + keyFile + ": give the key the SQLite node ran with as GATEHOUSE_SECRET_KEY");
                    return 2;
                }
                box = SecretBox.keyFile(keyFile);
                keyFrom = "the contents of " + keyFile;
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("gatehouse: " + e.getMessage());
            return 2;
        }
        PostgresTarget target = new PostgresTarget(to.strip(), toUser,
                toPassword != null ? toPassword : env.get("GATEHOUSE_DB_PASSWORD"));
        long start = System.nanoTime();
        try {
            SqliteToPostgres.Copied copied = SqliteToPostgres.copy(file, box, target, Duration.ofSeconds(5));
            Verification check = Verification.of(file, box, target, Duration.ofSeconds(5), copied.rows().keySet());
            out.printf("copied revision %d of %s to %s in %.1f s%n", copied.revision(), data, target.safeUrl(),
                    (System.nanoTime() - start) / 1e9);
            check.sqliteRows().forEach((table, rows) -> out.printf("  %-20s %8d rows, %8d in PostgreSQL%n", table, rows,
                    check.postgresRows().get(table)));
            out.printf("state checksum (SHA-256): SQLite %s, PostgreSQL %s%n", check.sqliteState(), check.postgresState());
            if (!check.matches()) {
                err.println("gatehouse: the copy differs from the SQLite database (was its node still writing?): "
                        + "drop and recreate the PostgreSQL database, stop the SQLite node, and migrate again");
                return 1;
            }
            out.println("the copy matches. To switch over:");
            out.println("  1. keep the SQLite node stopped (writes made to it from now on are not in the copy)");
            out.println("  2. start each node with --db-url " + target.safeUrl() + " (or GATEHOUSE_DB_URL) and"
                    + " GATEHOUSE_SECRET_KEY set to " + keyFrom + ": the webhook secrets and share links depend on it");
            out.println("  3. keep the system token: GATEHOUSE_ADMIN_TOKEN set to it (the contents of "
                    + data.resolve(AdminToken.FILE) + " if the SQLite node made it)");
            out.flush();
            return 0;
        } catch (SqliteToPostgres.NotEmpty e) {
            err.println("gatehouse: " + e.getMessage());
            return 2;
        } catch (StoreException e) {
            err.println("gatehouse: " + firstLine(e.getMessage()));
            return 1;
        }
    }

    /** The driver's messages may go on with a position or a hint on further lines: the operator gets one. */
    private static String firstLine(String message) {
        return message == null ? "the copy failed" : message.lines().findFirst().orElse("the copy failed");
    }
}
