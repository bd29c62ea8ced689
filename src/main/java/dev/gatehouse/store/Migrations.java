package dev.gatehouse.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned SQL files on the classpath ({@code FOLDER/V1__*.sql}, {@code V2__...}), applied in order of
 * version, each in its own transaction, and recorded in {@code schema_version}. Versions increase but need
 * not be consecutive, and every version the database has not recorded is applied, also one below a version
 * it has: features that land in any order each bring their own. A database that records a version the code
 * does not know is refused: running old code on it could misread or lose data.
 */
public final class Migrations {
    private Migrations() {
    }

    /** A migration file: its version and SQL. */
    record Migration(int version, String sql) { }

    /** Applies what the database lacks and returns the version it is at. */
    public static int apply(Connection c, String folder, List<String> fileNames) throws SQLException {
        List<Migration> migrations = load(folder, fileNames);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
            }
            c.commit();
            java.util.Set<Integer> applied = new java.util.TreeSet<>(SqlTables.query(c,
                    "SELECT version FROM schema_version", r -> r.getInt(1)));
            java.util.Set<Integer> known = new java.util.HashSet<>();
            migrations.forEach(m -> known.add(m.version()));
            for (int v : applied) {
                if (!known.contains(v)) {
                    throw new IllegalStateException("the database is at schema version " + v
                            + ", newer than this Gatehouse knows (up to " + (migrations.isEmpty() ? 0
                            : migrations.get(migrations.size() - 1).version()) + "); run a newer Gatehouse");
                }
            }
            for (Migration m : migrations) {
                if (applied.contains(m.version())) {
                    continue;
                }
                // The version is claimed first, in the migration's own transaction: a node that finds it
                // claimed (another process on the same database migrated meanwhile) skips it instead of
                // creating its tables a second time.
                if (!claim(c, m.version())) {
                    c.rollback();
                    applied.add(m.version());
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    for (String statement : statements(m.sql())) {
                        s.execute(statement);
                    }
                }
                c.commit();
                applied.add(m.version());
            }
            int current = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
            return current;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Records {@code version} as applied, in the open transaction; false when it already was. */
    private static boolean claim(Connection c, int version) throws SQLException {
        try (java.sql.PreparedStatement p = c.prepareStatement(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?) ON CONFLICT (version) DO NOTHING")) {
            p.setInt(1, version);
            p.setString(2, java.time.Instant.now().toString());
            return p.executeUpdate() == 1;
        }
    }

    private static List<Migration> load(String folder, List<String> fileNames) {
        List<Migration> out = new ArrayList<>();
        int previous = 0;
        for (String name : fileNames) {
            java.util.regex.Matcher v = java.util.regex.Pattern.compile("V([1-9][0-9]*)__.+").matcher(name);
            if (!v.matches() || Integer.parseInt(v.group(1)) <= previous) {
                throw new IllegalStateException("migration " + name + " is out of order: expected V<N>__ with N above "
                        + previous);
            }
            int version = Integer.parseInt(v.group(1));
            previous = version;
            try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(folder + "/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing migration " + folder + "/" + name);
                }
                out.add(new Migration(version, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migration " + name, e);
            }
        }
        return out;
    }

    /** Splits a file into statements at semicolons that end a line, leaving out comment lines. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            cur.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                out.add(cur.toString().strip().replaceAll(";$", ""));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
