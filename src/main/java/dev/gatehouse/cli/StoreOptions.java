package dev.gatehouse.cli;

import dev.gatehouse.service.Services;
import dev.gatehouse.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import picocli.CommandLine.Mixin;

/**
 * Where the data of the commands that work on a stopped or a running server's database is: the same
 * {@code --data} and {@code --db-*} settings as {@code serve}, with the same environment variables.
 */
final class StoreOptions {
    @Mixin
    DataDirectory data = new DataDirectory();

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    Path dataDir(Map<String, String> env) {
        return data.resolve(env);
    }

    DatabaseSettings database(Map<String, String> env) {
        return db.resolve(null, env);
    }

    /**
     * Opens the database and loads the index, for a command that reads or writes through the services as the
     * system actor. Unless {@code create}, a SQLite file must exist: a command that only reads never creates an
     * empty database by mistake.
     */
    Services open(Map<String, String> env, Duration writeTimeout, boolean create) {
        DatabaseSettings db = database(env);
        Path dir = dataDir(env);
        if (!create && !db.postgres() && !Files.exists(dir.resolve(DatabaseSettings.SQLITE_FILE))) {
            throw new IllegalArgumentException("no database in " + dir + " (give --data, or --db-url for PostgreSQL)");
        }
        Store store = db.open(dir);
        // The command acts as the system actor directly, through no token: this one is never shown or stored.
        byte[] unused = new byte[24];
        new SecureRandom().nextBytes(unused);
        return Services.open(store, Services.Options.defaults(HexFormat.of().formatHex(unused))
                .withWriteTimeout(writeTimeout));
    }
}
