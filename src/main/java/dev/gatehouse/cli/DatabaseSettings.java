package dev.gatehouse.cli;

import dev.gatehouse.store.SecretBox;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.PostgresTarget;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Which database holds the truth: PostgreSQL when a URL is given, else the SQLite file in the data
 * directory. {@link #toString} never shows the password.
 *
 * @param url      {@code jdbc:postgresql://...} ({@code --db-url}, {@code GATEHOUSE_DB_URL}); null for SQLite
 * @param user     ({@code --db-user}, {@code GATEHOUSE_DB_USER}); null to take it from the URL
 * @param password ({@code --db-password}, {@code GATEHOUSE_DB_PASSWORD}); null to take it from the URL
 * @param startupWait how long start-up retries a PostgreSQL it cannot reach ({@code --db-wait},
 *                 {@code GATEHOUSE_DB_WAIT}, in seconds, default 30)
 * @param secretKey the key that seals webhook secrets in the database ({@code GATEHOUSE_SECRET_KEY}, 32 bytes in
 *                 base64; no flag, since the process list shows flags). Required with PostgreSQL, where every
 *                 node must use the same one; null with SQLite to use the key file in the data directory
 * @param writeTimeout how long a write may take, queueing included, before it is refused with a 503
 *                 ({@code GATEHOUSE_WRITE_TIMEOUT}, in seconds, default 2): a database that is down or stalled
 *                 fails writes within it instead of holding them
 */
record DatabaseSettings(String url, String user, String password, Duration startupWait, SecretBox secretKey,
                        Duration writeTimeout) {
    static final String SQLITE_FILE = "gatehouse.db";
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(2);

    static DatabaseSettings resolve(String urlFlag, String userFlag, String passwordFlag, String waitFlag,
                                    Map<String, String> env) {
        String url = blankToNull(urlFlag != null ? urlFlag : env.get("GATEHOUSE_DB_URL"));
        String user = blankToNull(userFlag != null ? userFlag : env.get("GATEHOUSE_DB_USER"));
        String password = passwordFlag != null ? passwordFlag : env.get("GATEHOUSE_DB_PASSWORD");
        Duration wait = parseWait(waitFlag != null ? waitFlag : env.get("GATEHOUSE_DB_WAIT"));
        SecretBox key = secretKey(env.get("GATEHOUSE_SECRET_KEY"));
        Duration writeTimeout = parseWriteTimeout(env.get("GATEHOUSE_WRITE_TIMEOUT"));
        if (url == null) {
            if (user != null || password != null) {
                throw new IllegalArgumentException("a database user or password is set, but no --db-url / GATEHOUSE_DB_URL");
            }
            return new DatabaseSettings(null, null, null, wait, key, writeTimeout);
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            // Not echoed: a URL may hold a password.
            throw new IllegalArgumentException("--db-url / GATEHOUSE_DB_URL must start with jdbc:postgresql://");
        }
        if (key == null) {
            // A key file per node would give each node its own key, and one node could not sign the webhooks
            // another registered: refuse rather than start half-working.
            throw new IllegalArgumentException("GATEHOUSE_SECRET_KEY is required with PostgreSQL: every node sharing the"
                    + " database seals webhook secrets with it, so give each the same one (`openssl rand -base64 32`"
                    + " makes one)");
        }
        return new DatabaseSettings(url, user, password, wait, key, writeTimeout);
    }

    /** The key from GATEHOUSE_SECRET_KEY, null when it is not set. */
    static SecretBox secretKey(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return SecretBox.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GATEHOUSE_SECRET_KEY: " + e.getMessage(), e);
        }
    }

    boolean postgres() {
        return url != null;
    }

    PostgresTarget target() {
        return new PostgresTarget(url, user, password);
    }

    /** Opens the chosen store; PostgreSQL is waited for up to {@link #startupWait}. */
    Store open(Path dataDir) {
        if (postgres()) {
            return PostgresStore.open(target(), startupWait, secretKey, writeTimeout);
        }
        Path file = dataDir.resolve(SQLITE_FILE);
        return secretKey == null ? SqliteStore.open(file) : SqliteStore.open(file, secretKey);
    }

    /** Where the data is, for the start-up line. */
    String describe(Path dataDir) {
        return postgres() ? "database " + target().safeUrl() : "data in " + dataDir;
    }

    @Override
    public String toString() {
        return postgres() ? "PostgreSQL " + target() : "SQLite";
    }

    private static Duration parseWait(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_WAIT;
        }
        try {
            double seconds = Double.parseDouble(text.strip());
            if (seconds >= 0 && seconds <= 86_400) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--db-wait / GATEHOUSE_DB_WAIT must be a number of seconds (0 to 86400); got '"
                + text + "'");
    }

    private static Duration parseWriteTimeout(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_WRITE_TIMEOUT;
        }
        try {
            double seconds = Double.parseDouble(text.strip());
            // Past a minute an unanswered idempotency reservation counts as abandoned: writes must end sooner.
            if (seconds >= 0.25 && seconds <= 30) {
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("GATEHOUSE_WRITE_TIMEOUT must be a number of seconds (0.25 to 30); got '"
                + text + "'");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
