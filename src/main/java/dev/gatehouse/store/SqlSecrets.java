package dev.gatehouse.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The installation's secrets (the {@code secrets} table) and webhook signing keys, sealed at rest with a
 * {@link SecretBox}, in SQL every store shares.
 *
 * <p>Rows written before schema version 3 hold their secret in clear ({@code sealed = 0}); {@link #sealClearRows}
 * seals them when a store opens, and reading accepts both forms meanwhile.
 */
public final class SqlSecrets {
    /**
     * A secret that proves the key: it is sealed under the key of the first start, so a start with another
     * key fails at once, naming the setting, instead of when a webhook is next delivered.
     */
    static final String KEY_CHECK = "key-check";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SqlSecrets() {
    }

    static String secretContext(String name) {
        return "secrets/" + name;
    }

    static String webhookContext(String webhookId) {
        return "webhooks/" + webhookId;
    }

    /**
     * The named secret: 32 random bytes, created on first use. A concurrent first use elsewhere either
     * wins the insert or waits for this one; both read the winner.
     */
    public static byte[] get(Connection c, String name, SecretBox box) throws SQLException {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        SqlTables.exec(c, "INSERT INTO secrets (name, value, sealed) VALUES (?, ?, 1) ON CONFLICT (name) DO NOTHING", name,
                box.seal(fresh, secretContext(name)));
        Stored s = SqlTables.query(c, "SELECT value, sealed FROM secrets WHERE name = ?",
                r -> new Stored(r.getBytes(1), r.getInt(2) == 1), name).get(0);
        return s.sealed ? box.open(s.value, secretContext(name)) : s.value;
    }

    private record Stored(byte[] value, boolean sealed) { }

    private record Named(String name, byte[] value) { }

    /**
     * Checks the key against the database, then seals every secret still in clear.
     *
     * @return how many rows were sealed, so that the caller knows whether clear copies may linger
     * @throws StoreException when the database's secrets were sealed with another key
     */
    public static int sealClearRows(Connection c, SecretBox box) throws SQLException {
        get(c, KEY_CHECK, box);
        int sealed = 0;
        List<Named> clear = SqlTables.query(c, "SELECT name, value FROM secrets WHERE sealed = 0",
                r -> new Named(r.getString(1), r.getBytes(2)));
        for (Named n : clear) {
            sealed += SqlTables.exec(c, "UPDATE secrets SET value = ?, sealed = 1 WHERE name = ? AND sealed = 0",
                    box.seal(n.value, secretContext(n.name)), n.name);
        }
        List<String[]> hooks = SqlTables.query(c, "SELECT id, secret FROM webhooks WHERE secret_sealed = 0",
                r -> new String[] {r.getString(1), r.getString(2)});
        for (String[] h : hooks) {
            sealed += SqlTables.exec(c, "UPDATE webhooks SET secret = ?, secret_sealed = 1 WHERE id = ? AND secret_sealed = 0",
                    box.sealText(h[1], webhookContext(h[0])), h[0]);
        }
        return sealed;
    }

    /** A webhook's secret as stored: sealed, or in clear for a row not yet sealed. */
    static String webhookSecret(String webhookId, String stored, boolean sealed, SecretBox box) {
        return sealed ? box.openText(stored, webhookContext(webhookId)) : stored;
    }
}
