package dev.gatehouse.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The permission questions answered the way a developer would by hand: one recursive SQL query over
 * Gatehouse's own tables, walking a space up through its sites and collections to the organization, and
 * deciding at each level by the model's rules (a user grant, else the best team grant, else the
 * default, else go up), then keeping each member's (or space's) nearest decision with a window function.
 * It runs on PostgreSQL and SQLite alike.
 *
 * <p>It is the baseline the benchmark times Gatehouse against, so it must answer the same: a test checks
 * it against the engine on generated data.
 */
final class NaiveSql {
    private NaiveSql() {
    }

    /** A role's power as a number: 0 is none (a null grant or default, or no role). */
    private static String rank(String column) {
        return "CASE " + column + " WHEN 'read' THEN 1 WHEN 'comment' THEN 2 WHEN 'edit' THEN 3 WHEN 'review' THEN 4 "
                + "WHEN 'create' THEN 5 WHEN 'admin' THEN 6 ELSE 0 END";
    }

    /**
     * What one level decides for one member: their own grant, else their teams' best grant, else the
     * level's default (a role, none for guests; null is none; inherit decides nothing). NULL: go up.
     */
    private static String decision(String member, String memberRole) {
        return "COALESCE("
                + "(SELECT " + rank("g.role") + " FROM grants g WHERE g.resource_type = l.type AND g.resource_id = l.id "
                + "AND g.subject_type = 'USER' AND g.subject_id = " + member + "), "
                + "(SELECT MAX(" + rank("g.role") + ") FROM grants g JOIN team_members tm ON tm.team_id = g.subject_id "
                + "WHERE g.resource_type = l.type AND g.resource_id = l.id AND g.subject_type = 'TEAM' "
                + "AND tm.user_id = " + member + "), "
                + "CASE WHEN l.dflt = 'inherit' THEN NULL WHEN l.dflt IS NULL OR " + memberRole + " IS NULL THEN 0 "
                + "ELSE " + rank("l.dflt") + " END)";
    }

    /** The levels above a space, nearest first: the space, its sites (grants only), its collections. */
    private static final String LEVELS = ""
            + "colls(space_id, depth, id) AS ("
            + "  SELECT s.id, 2, s.parent_id FROM spaces s WHERE s.parent_id IS NOT NULL AND s.id IN (SELECT id FROM scope)"
            + "  UNION ALL"
            + "  SELECT c.space_id, c.depth + 1, k.parent_id FROM colls c JOIN collections k ON k.id = c.id"
            + "  WHERE k.parent_id IS NOT NULL"
            + "), levels(space_id, depth, type, id, dflt) AS ("
            + "  SELECT s.id, 0, 'SPACE', s.id, s.default_level FROM spaces s WHERE s.id IN (SELECT id FROM scope)"
            + "  UNION ALL"
            + "  SELECT ss.space_id, 1, 'SITE', ss.site_id, 'inherit' FROM site_spaces ss"
            + "  WHERE ss.space_id IN (SELECT id FROM scope)"
            + "  UNION ALL"
            + "  SELECT c.space_id, c.depth, 'COLLECTION', k.id, k.default_level FROM colls c JOIN collections k ON k.id = c.id"
            + ")";

    /** Every enabled member's permission on a space (0 left out), by user id. */
    static Map<String, Integer> aggregate(Connection c, String spaceId) throws SQLException {
        String sql = "WITH RECURSIVE scope(id) AS (SELECT ?), " + LEVELS + ", "
                + "decided(user_id, depth, r) AS ("
                + "  SELECT m.user_id, l.depth, " + decision("m.user_id", "m.role") + " FROM members m"
                + "  JOIN spaces s ON s.org_id = m.org_id AND s.id = (SELECT id FROM scope)"
                + "  CROSS JOIN levels l WHERE NOT m.disabled"
                + "), best(user_id, r, n) AS ("
                + "  SELECT user_id, r, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY depth, r DESC) FROM decided"
                + "  WHERE r IS NOT NULL"
                + ") "
                + "SELECT m.user_id, CASE WHEN m.role = 'admin' THEN 6 WHEN s.deleted_at IS NOT NULL THEN 0 ELSE COALESCE("
                + "  b.r, " + rank("m.role") + ") END AS p "
                + "FROM members m JOIN spaces s ON s.org_id = m.org_id AND s.id = (SELECT id FROM scope) "
                + "LEFT JOIN best b ON b.user_id = m.user_id AND b.n = 1 "
                + "WHERE NOT m.disabled ORDER BY m.user_id";
        return query(c, sql, spaceId);
    }

    /** A member's permission on every space of their organization they reach (0 left out), by space id. */
    static Map<String, Integer> memberSpaces(Connection c, String orgId, String userId) throws SQLException {
        String sql = "WITH RECURSIVE me(user_id, role, disabled) AS ("
                + "  SELECT user_id, role, disabled FROM members WHERE org_id = ? AND user_id = ?"
                + "), scope(id) AS (SELECT id FROM spaces WHERE org_id = (SELECT org_id FROM members WHERE org_id = ? "
                + "  AND user_id = (SELECT user_id FROM me))), " + LEVELS + ", "
                + "decided(space_id, depth, r) AS ("
                + "  SELECT l.space_id, l.depth, " + decision("me.user_id", "me.role") + " FROM levels l CROSS JOIN me"
                + "), best(space_id, r, n) AS ("
                + "  SELECT space_id, r, ROW_NUMBER() OVER (PARTITION BY space_id ORDER BY depth, r DESC) FROM decided"
                + "  WHERE r IS NOT NULL"
                + ") "
                + "SELECT s.id, CASE WHEN me.disabled THEN 0 WHEN me.role = 'admin' THEN 6 WHEN s.deleted_at IS NOT NULL "
                + "  THEN 0 ELSE COALESCE(b.r, " + rank("me.role") + ") END AS p "
                + "FROM spaces s CROSS JOIN me LEFT JOIN best b ON b.space_id = s.id AND b.n = 1 "
                + "WHERE s.id IN (SELECT id FROM scope) ORDER BY s.id";
        return query(c, sql, orgId, userId, orgId);
    }

    private static Map<String, Integer> query(Connection c, String sql, String... args) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    if (r.getInt(2) > 0) {
                        out.put(r.getString(1), r.getInt(2));
                    }
                }
            }
        }
        return out;
    }
}
