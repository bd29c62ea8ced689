package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.PrivateFiles;
import dev.gatehouse.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * A consistent copy of a live SQLite database with {@code VACUUM INTO}: it reads the database inside one read
 * transaction, so the copy holds exactly the commits made before that transaction began, and, the file being
 * in WAL mode, a server writing meanwhile is neither stopped nor seen half-way. The copy is a database of its
 * own (compacted, no WAL beside it) that {@code serve} starts on as it is.
 */
public final class SqliteBackup {
    private SqliteBackup() {
    }

    /** Copies {@code database} to {@code to}, which must not exist; returns the copy's revision. */
    public static long copy(Path database, Path to) {
        if (!Files.isRegularFile(database)) {
            throw new StoreException("no SQLite database at " + database, null);
        }
        if (Files.exists(to)) {
            throw new StoreException(to + " exists; back up to a new file", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(), config.toProperties())) {
            Path parent = to.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // Made empty and private before SQLite writes into it (VACUUM INTO takes an empty file): the copy
            // holds what the database holds.
            PrivateFiles.file(to);
            try (PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, to.toAbsolutePath().toString());
                vacuum.execute();
            }
            PrivateFiles.tighten(to);
            try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + to.toAbsolutePath(), config.toProperties());
                 Statement s = copy.createStatement();
                 var rs = s.executeQuery("SELECT COALESCE(MAX(revision), 0) FROM changelog")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(to);
            } catch (IOException ignored) {
                // The message below names the copy; a part of it left behind is no backup.
            }
            throw new StoreException("cannot back up " + database + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
