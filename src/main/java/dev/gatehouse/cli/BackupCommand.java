package dev.gatehouse.cli;

import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.sqlite.SqliteBackup;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse backup --to FILE}: a consistent copy of the SQLite database, taken while the server serves
 * and writes. PostgreSQL has its own tools for this (pg_dump, base backups): the command says so.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the SQLite database consistently while the server runs.")
final class BackupCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--to", required = true, description = "The copy to write (must not exist).")
    Path to;

    @Spec
    CommandSpec spec;

    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        DatabaseSettings db;
        try {
            db = store.database(env);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("gatehouse: " + e.getMessage());
            return 2;
        }
        if (db.postgres()) {
            spec.commandLine().getErr().println("gatehouse: backup copies the SQLite database; back PostgreSQL up with"
                    + " its own tools (pg_dump, or pg_basebackup with WAL archiving; see docs/data.md)");
            return 2;
        }
        Path data = store.dataDir(env);
        long start = System.nanoTime();
        try {
            long revision = SqliteBackup.copy(data.resolve(DatabaseSettings.SQLITE_FILE), to);
            spec.commandLine().getOut().printf("backed up revision %d of %s to %s in %.1f s%n", revision, data, to,
                    (System.nanoTime() - start) / 1e9);
            spec.commandLine().getOut().printf("to restore: put it as %s in an empty data directory with %s (or the same"
                    + " GATEHOUSE_SECRET_KEY) and start serve there%n", DatabaseSettings.SQLITE_FILE, SecretBox.KEY_FILE);
            return 0;
        } catch (StoreException e) {
            spec.commandLine().getErr().println("gatehouse: " + e.getMessage());
            return e.getMessage().contains("exists;") || e.getMessage().startsWith("no SQLite") ? 2 : 1;
        }
    }
}
