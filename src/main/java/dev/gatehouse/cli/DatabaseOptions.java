package dev.gatehouse.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The PostgreSQL to use instead of the data directory's SQLite file, as every command that opens the
 * database takes it: {@code --db-url}, {@code --db-user}, {@code --db-password}, each with its environment
 * variable.
 */
final class DatabaseOptions {
    @Option(names = "--db-url", description = "PostgreSQL, jdbc:postgresql://HOST:PORT/DB (env GATEHOUSE_DB_URL; "
            + "default: SQLite in the data directory).")
    String url;

    @Option(names = "--db-user", description = "PostgreSQL user (env GATEHOUSE_DB_USER).")
    String user;

    @Option(names = "--db-password", description = "PostgreSQL password (env GATEHOUSE_DB_PASSWORD, which other "
            + "users cannot read in the process list).")
    String password;

    /** The database these options and the environment name; {@code wait} as {@code --db-wait} gives it, or null. */
    DatabaseSettings resolve(String wait, Map<String, String> env) {
        return DatabaseSettings.resolve(url, user, password, wait, env);
    }
}
