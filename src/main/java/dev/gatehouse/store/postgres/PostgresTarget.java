package dev.gatehouse.store.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the database is and who to connect as. The password never appears in a message: {@link #toString}
 * and {@link #safeUrl} mask it, also when it was written into the URL.
 *
 * @param url      a {@code jdbc:postgresql://...} URL
 * @param user     the user, or null to take it from the URL
 * @param password the password, or null to take it from the URL (or to need none)
 */
public record PostgresTarget(String url, String user, String password) {

    public PostgresTarget {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL URL starts with jdbc:postgresql:");
        }
    }

    /** The URL with a {@code password=} parameter masked. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return safeUrl() + (user == null ? "" : " as " + user);
    }

    /** A new connection outside any pool, named in {@code pg_stat_activity} by {@code application}. */
    Connection connect(String application, int connectTimeoutSeconds) throws SQLException {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", application);
        p.setProperty("connectTimeout", Integer.toString(Math.max(1, connectTimeoutSeconds)));
        return DriverManager.getConnection(url, p);
    }
}
