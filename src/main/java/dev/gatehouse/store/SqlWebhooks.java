package dev.gatehouse.store;

import dev.gatehouse.model.AuditPosition;

import dev.gatehouse.model.Webhook;
import dev.gatehouse.model.WebhookDelivery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Webhooks, their delivery positions and their delivery log, in SQL that every store shares.
 *
 * <p>What is still to deliver is not a queue of its own: it is the organization's audit log after the
 * webhook's position, so it is in the store as soon as the write is, and survives any restart.
 *
 * <p>A webhook's secret must be given back to sign deliveries, so it cannot be hashed: it is sealed with the
 * store's {@link SecretBox} (see {@link SqlSecrets}), and the records above the store only ever hold it in clear.
 */
public final class SqlWebhooks {
    private static final String COLUMNS = "id, org_id, url, events, secret, created_at, position_revision, position_seq, "
            + "secret_sealed";

    private SqlWebhooks() {
    }

    /** Registers a webhook that starts after {@code from}: it hears about what happens from now on. */
    public static void insert(Connection c, Webhook w, AuditPosition from, SecretBox box) throws SQLException {
        SqlTables.exec(c, "INSERT INTO webhooks (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,1)", w.id(), w.orgId(), w.url(),
                String.join(" ", w.events()), box.sealText(w.secret(), SqlSecrets.webhookContext(w.id())),
                w.createdAt().toString(), from.revision(), from.seq());
    }

    public static boolean delete(Connection c, String orgId, String id) throws SQLException {
        SqlTables.exec(c, "DELETE FROM webhook_deliveries WHERE webhook_id = ? AND webhook_id IN "
                + "(SELECT id FROM webhooks WHERE org_id = ?)", id, orgId);
        return SqlTables.exec(c, "DELETE FROM webhooks WHERE org_id = ? AND id = ?", orgId, id) == 1;
    }

    /** The webhooks of one organization, or of all when {@code orgId} is null, oldest first. */
    public static List<Webhook> list(Connection c, String orgId, SecretBox box) throws SQLException {
        String where = orgId == null ? "" : " WHERE org_id = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks" + where
                + " ORDER BY created_at, id")) {
            if (orgId != null) {
                ps.setString(1, orgId);
            }
            List<Webhook> out = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    String events = r.getString(4);
                    String id = r.getString(1);
                    out.add(new Webhook(id, r.getString(2), r.getString(3),
                            events.isEmpty() ? List.of() : Arrays.asList(events.split(" ")),
                            SqlSecrets.webhookSecret(id, r.getString(5), r.getInt(9) == 1, box),
                            Instant.parse(r.getString(6))));
                }
            }
            return out;
        }
    }

    public static AuditPosition position(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT position_revision, position_seq FROM webhooks WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? new AuditPosition(r.getLong(1), r.getInt(2)) : null;
            }
        }
    }

    /**
     * Takes or renews the right to deliver a webhook's entries until {@code until}, so that of several nodes
     * one delivers at a time and the order holds.
     */
    public static boolean lease(Connection c, String id, String owner, Instant now, Instant until) throws SQLException {
        return SqlTables.exec(c, "UPDATE webhooks SET lease_owner = ?, lease_until = ? WHERE id = ? "
                + "AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < ?)", owner, until.toString(), id, owner,
                now.toString()) == 1;
    }

    /**
     * Logs an attempt; when it delivered (or skipped) an entry, moves the webhook past it, in the same
     * transaction so the log and the position never disagree. Only the lease holder moves it.
     *
     * @return the logged attempt with its id
     */
    public static WebhookDelivery record(Connection c, WebhookDelivery d, String owner, boolean advance)
            throws SQLException {
        if (advance) {
            SqlTables.exec(c, "UPDATE webhooks SET position_revision = ?, position_seq = ? WHERE id = ? AND lease_owner = ?",
                    d.revision(), d.seq(), d.webhookId(), owner);
        }
        // Numbered per webhook: only the lease holder writes a webhook's log, so the numbers cannot collide.
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(id), 0) + 1 FROM webhook_deliveries WHERE webhook_id = ?")) {
            ps.setString(1, d.webhookId());
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                id = r.getLong(1);
            }
        }
        SqlTables.exec(c, "INSERT INTO webhook_deliveries (id, webhook_id, revision, seq, action, attempt, at, status, "
                + "error, millis) VALUES (?,?,?,?,?,?,?,?,?,?)", id, d.webhookId(), d.revision(), d.seq(), d.action(),
                d.attempt(), d.at().toString(), d.status(), d.error(), d.millis());
        return new WebhookDelivery(id, d.webhookId(), d.revision(), d.seq(), d.action(), d.attempt(), d.at(), d.status(),
                d.error(), d.millis());
    }

    public static void advance(Connection c, String id, String owner, AuditPosition to) throws SQLException {
        SqlTables.exec(c, "UPDATE webhooks SET position_revision = ?, position_seq = ? WHERE id = ? AND lease_owner = ?",
                to.revision(), to.seq(), id, owner);
    }

    /** A webhook's delivery log after {@code afterId}, oldest first. */
    public static List<WebhookDelivery> deliveries(Connection c, String webhookId, long afterId, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, webhook_id, revision, seq, action, attempt, at, status, "
                + "error, millis FROM webhook_deliveries WHERE webhook_id = ? AND id > ? ORDER BY id LIMIT ?")) {
            ps.setString(1, webhookId);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            List<WebhookDelivery> out = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    int status = r.getInt(8);
                    boolean noAnswer = r.wasNull();
                    out.add(new WebhookDelivery(r.getLong(1), r.getString(2), r.getLong(3), r.getInt(4), r.getString(5),
                            r.getInt(6), Instant.parse(r.getString(7)), noAnswer ? null : status, r.getString(9),
                            r.getLong(10)));
                }
            }
            return out;
        }
    }
}
