package dev.gatehouse.store;

import dev.gatehouse.model.AccessRequest;
import dev.gatehouse.model.ApiToken;
import dev.gatehouse.model.ScimRecord;
import dev.gatehouse.model.ScimToken;
import dev.gatehouse.model.Change;
import dev.gatehouse.model.Collection;
import dev.gatehouse.model.DefaultLevel;
import dev.gatehouse.model.Grant;
import dev.gatehouse.model.Instants;
import dev.gatehouse.model.LinkInvite;
import dev.gatehouse.model.Member;
import dev.gatehouse.model.Organization;
import dev.gatehouse.model.Page;
import dev.gatehouse.model.ResourceRef;
import dev.gatehouse.model.ResourceType;
import dev.gatehouse.model.Role;
import dev.gatehouse.model.ShareLink;
import dev.gatehouse.model.Site;
import dev.gatehouse.model.SiteSpace;
import dev.gatehouse.model.SiteVisibility;
import dev.gatehouse.model.Space;
import dev.gatehouse.model.SubjectRef;
import dev.gatehouse.model.SubjectType;
import dev.gatehouse.model.Team;
import dev.gatehouse.model.TeamMembership;
import dev.gatehouse.model.TeamRole;
import dev.gatehouse.model.User;
import dev.gatehouse.model.Visibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows behind the model: how each {@link Change} writes its table, and how the tables read back as a
 * {@link Snapshot}. The SQL is the common ground of SQLite and PostgreSQL ({@code INSERT ... ON CONFLICT
 * ... DO UPDATE}), so every store shares it.
 */
public final class SqlTables {
    private SqlTables() {
    }

    /** Writes one change inside the caller's transaction. */
    public static void apply(Connection c, Change change) throws SQLException {
        Write w = change.accept(WRITES);
        exec(c, w.sql(), w.args());
    }

    /**
     * Writes changes in order inside the caller's transaction. A run of changes of one kind (an import's
     * thousands of grants) shares one prepared statement and goes to the database as one batch: preparing the
     * statement for each row, then sending the rows one call each, was most of what such a write cost. Each
     * row is still its own statement, executed in order, so a row sees the rows before it and a failing row
     * fails the write as it would alone.
     */
    public static void applyAll(Connection c, List<Change> changes) throws SQLException {
        PreparedStatement ps = null;
        String sql = null;
        try {
            for (Change change : changes) {
                Write w = change.accept(WRITES);
                if (ps == null || !w.sql().equals(sql)) {
                    if (ps != null) {
                        ps.executeBatch();
                        ps.close();
                    }
                    ps = c.prepareStatement(w.sql());
                    sql = w.sql();
                }
                Object[] args = w.args();
                for (int k = 0; k < args.length; k++) {
                    ps.setObject(k + 1, args[k]);
                }
                ps.addBatch();
            }
            if (ps != null) {
                ps.executeBatch();
            }
        } finally {
            if (ps != null) {
                ps.close();
            }
        }
    }

    /** One statement and its arguments. */
    private record Write(String sql, Object... args) {
    }

    /** The statement that writes each kind of change to its table. */
    private static final Change.Visitor<Write> WRITES = new Change.Visitor<>() {
        @Override
        public Write userPut(Change.UserPut x) {
            User u = x.user();
            return new Write("INSERT INTO users (id, display_name, email, photo_url, invited, created_at) VALUES (?,?,?,?,?,?) "
                    + "ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name, email = excluded.email, "
                    + "photo_url = excluded.photo_url, invited = excluded.invited, created_at = excluded.created_at",
                    u.id(), u.displayName(), u.email(), u.photoUrl(), u.invited(), t(u.createdAt()));
        }

        @Override
        public Write userRemoved(Change.UserRemoved x) {
            return new Write("DELETE FROM users WHERE id = ?", x.userId());
        }

        @Override
        public Write organizationPut(Change.OrganizationPut x) {
            Organization o = x.organization();
            return new Write("INSERT INTO organizations (id, title, default_role, created_at, email_domains) VALUES (?,?,?,?,?) "
                    + "ON CONFLICT (id) DO UPDATE SET title = excluded.title, default_role = excluded.default_role, "
                    + "created_at = excluded.created_at, email_domains = excluded.email_domains", o.id(), o.title(),
                    Role.wireOrNull(o.defaultRole()), t(o.createdAt()), String.join(" ", o.emailDomains()));
        }

        @Override
        public Write memberPut(Change.MemberPut x) {
            Member m = x.member();
            return new Write("INSERT INTO members (org_id, user_id, role, disabled, joined_at, sso) VALUES (?,?,?,?,?,?) "
                    + "ON CONFLICT (org_id, user_id) DO UPDATE SET role = excluded.role, disabled = excluded.disabled, "
                    + "joined_at = excluded.joined_at, sso = excluded.sso", m.orgId(), m.userId(), Role.wireOrNull(m.role()),
                    m.disabled(), t(m.joinedAt()), m.sso());
        }

        @Override
        public Write memberRemoved(Change.MemberRemoved x) {
            return new Write("DELETE FROM members WHERE org_id = ? AND user_id = ?", x.orgId(), x.userId());
        }

        @Override
        public Write teamPut(Change.TeamPut x) {
            Team tm = x.team();
            return new Write("INSERT INTO teams (id, org_id, title, created_at) VALUES (?,?,?,?) ON CONFLICT (id) DO UPDATE SET "
                    + "org_id = excluded.org_id, title = excluded.title, created_at = excluded.created_at",
                    tm.id(), tm.orgId(), tm.title(), t(tm.createdAt()));
        }

        @Override
        public Write teamRemoved(Change.TeamRemoved x) {
            return new Write("DELETE FROM teams WHERE id = ?", x.teamId());
        }

        @Override
        public Write teamMemberPut(Change.TeamMemberPut x) {
            TeamMembership m = x.membership();
            return new Write("INSERT INTO team_members (team_id, user_id, role) VALUES (?,?,?) ON CONFLICT (team_id, user_id) "
                    + "DO UPDATE SET role = excluded.role", m.teamId(), m.userId(), m.role().name());
        }

        @Override
        public Write teamMemberRemoved(Change.TeamMemberRemoved x) {
            return new Write("DELETE FROM team_members WHERE team_id = ? AND user_id = ?", x.teamId(), x.userId());
        }

        @Override
        public Write collectionPut(Change.CollectionPut x) {
            Collection k = x.collection();
            return new Write("INSERT INTO collections (id, org_id, parent_id, title, description, default_level, created_at) "
                    + "VALUES (?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET org_id = excluded.org_id, "
                    + "parent_id = excluded.parent_id, title = excluded.title, description = excluded.description, "
                    + "default_level = excluded.default_level, created_at = excluded.created_at",
                    k.id(), k.orgId(), k.parentId(), k.title(), k.description(), k.defaultLevel().wire(), t(k.createdAt()));
        }

        @Override
        public Write collectionRemoved(Change.CollectionRemoved x) {
            return new Write("DELETE FROM collections WHERE id = ?", x.collectionId());
        }

        @Override
        public Write spacePut(Change.SpacePut x) {
            Space s = x.space();
            return new Write("INSERT INTO spaces (id, org_id, parent_id, title, emoji, visibility, default_level, created_at, "
                    + "updated_at, deleted_at) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET "
                    + "org_id = excluded.org_id, parent_id = excluded.parent_id, title = excluded.title, "
                    + "emoji = excluded.emoji, visibility = excluded.visibility, default_level = excluded.default_level, "
                    + "created_at = excluded.created_at, updated_at = excluded.updated_at, deleted_at = excluded.deleted_at",
                    s.id(), s.orgId(), s.parentId(), s.title(), s.emoji(), s.visibility().name(), s.defaultLevel().wire(),
                    t(s.createdAt()), t(s.updatedAt()), t(s.deletedAt()));
        }

        @Override
        public Write spaceRemoved(Change.SpaceRemoved x) {
            return new Write("DELETE FROM spaces WHERE id = ?", x.spaceId());
        }

        @Override
        public Write sitePut(Change.SitePut x) {
            Site s = x.site();
            return new Write("INSERT INTO sites (id, org_id, title, default_level, visibility, published, created_at) "
                    + "VALUES (?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET org_id = excluded.org_id, "
                    + "title = excluded.title, default_level = excluded.default_level, visibility = excluded.visibility, "
                    + "published = excluded.published, created_at = excluded.created_at",
                    s.id(), s.orgId(), s.title(), s.defaultLevel().wire(), s.visibility().name(), s.published(),
                    t(s.createdAt()));
        }

        @Override
        public Write siteRemoved(Change.SiteRemoved x) {
            return new Write("DELETE FROM sites WHERE id = ?", x.siteId());
        }

        @Override
        public Write siteSpacePut(Change.SiteSpacePut x) {
            SiteSpace s = x.siteSpace();
            return new Write("INSERT INTO site_spaces (id, site_id, space_id, path, position, created_at) VALUES (?,?,?,?,?,?) "
                    + "ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, space_id = excluded.space_id, "
                    + "path = excluded.path, position = excluded.position, created_at = excluded.created_at",
                    s.id(), s.siteId(), s.spaceId(), s.path(), s.position(), t(s.createdAt()));
        }

        @Override
        public Write siteSpaceRemoved(Change.SiteSpaceRemoved x) {
            return new Write("DELETE FROM site_spaces WHERE id = ?", x.siteSpaceId());
        }

        @Override
        public Write pagePut(Change.PagePut x) {
            Page p = x.page();
            return new Write("INSERT INTO pages (id, space_id, parent_id, title, default_level, position, created_at) "
                    + "VALUES (?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET space_id = excluded.space_id, "
                    + "parent_id = excluded.parent_id, title = excluded.title, default_level = excluded.default_level, "
                    + "position = excluded.position, created_at = excluded.created_at",
                    p.id(), p.spaceId(), p.parentId(), p.title(), p.defaultLevel().wire(), p.position(), t(p.createdAt()));
        }

        @Override
        public Write pageRemoved(Change.PageRemoved x) {
            return new Write("DELETE FROM pages WHERE id = ?", x.pageId());
        }

        @Override
        public Write grantPut(Change.GrantPut x) {
            Grant grant = x.grant();
            return new Write("INSERT INTO grants (resource_type, resource_id, subject_type, subject_id, role, expires_at) "
                    + "VALUES (?,?,?,?,?,?) ON CONFLICT (resource_type, resource_id, subject_type, subject_id) "
                    + "DO UPDATE SET role = excluded.role, expires_at = excluded.expires_at",
                    grant.resource().type().name(), grant.resource().id(), grant.subject().type().name(), grant.subject().id(),
                    Role.wireOrNull(grant.role()), t(grant.expiresAt()));
        }

        @Override
        public Write grantRemoved(Change.GrantRemoved x) {
            return new Write("DELETE FROM grants WHERE resource_type = ? AND resource_id = ? AND subject_type = ? AND subject_id = ?",
                    x.resource().type().name(), x.resource().id(), x.subject().type().name(), x.subject().id());
        }

        /** Only the grant that still expires then: one given again since is another statement, and stays. */
        @Override
        public Write grantExpired(Change.GrantExpired x) {
            return new Write("DELETE FROM grants WHERE resource_type = ? AND resource_id = ? AND subject_type = ? "
                    + "AND subject_id = ? AND expires_at = ?", x.resource().type().name(), x.resource().id(),
                    x.subject().type().name(), x.subject().id(), t(x.expiresAt()));
        }

        @Override
        public Write tokenPut(Change.TokenPut x) {
            ApiToken k = x.token();
            return new Write("INSERT INTO tokens (id, user_id, label, secret_hash, created_at) VALUES (?,?,?,?,?) "
                    + "ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, label = excluded.label, "
                    + "secret_hash = excluded.secret_hash, created_at = excluded.created_at",
                    k.id(), k.userId(), k.label(), k.secretHash(), t(k.createdAt()));
        }

        @Override
        public Write tokenRemoved(Change.TokenRemoved x) {
            return new Write("DELETE FROM tokens WHERE id = ?", x.tokenId());
        }

        @Override
        public Write scimTokenPut(Change.ScimTokenPut x) {
            ScimToken k = x.token();
            return new Write("INSERT INTO scim_tokens (id, org_id, label, secret_hash, created_at) VALUES (?,?,?,?,?) "
                    + "ON CONFLICT (id) DO UPDATE SET org_id = excluded.org_id, label = excluded.label, "
                    + "secret_hash = excluded.secret_hash, created_at = excluded.created_at",
                    k.id(), k.orgId(), k.label(), k.secretHash(), t(k.createdAt()));
        }

        @Override
        public Write scimTokenRemoved(Change.ScimTokenRemoved x) {
            return new Write("DELETE FROM scim_tokens WHERE id = ?", x.tokenId());
        }

        @Override
        public Write scimRecordPut(Change.ScimRecordPut x) {
            ScimRecord k = x.record();
            return new Write("INSERT INTO scim_records (org_id, kind, id, external_id, display_name, name, last_modified) "
                    + "VALUES (?,?,?,?,?,?,?) ON CONFLICT (org_id, kind, id) DO UPDATE SET external_id = excluded.external_id, "
                    + "display_name = excluded.display_name, name = excluded.name, last_modified = excluded.last_modified",
                    k.orgId(), k.kind().name(), k.id(), k.externalId(), k.displayName(), k.name(), t(k.lastModified()));
        }

        @Override
        public Write scimRecordRemoved(Change.ScimRecordRemoved x) {
            return new Write("DELETE FROM scim_records WHERE org_id = ? AND kind = ? AND id = ?", x.orgId(),
                    x.kind().name(), x.id());
        }

        @Override
        public Write linkInvitePut(Change.LinkInvitePut x) {
            LinkInvite k = x.invite();
            return new Write("INSERT INTO link_invites (id, ref, org_id, resource_type, resource_id, role, expires_at, max_uses, "
                    + "uses, active, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET "
                    + "ref = excluded.ref, org_id = excluded.org_id, resource_type = excluded.resource_type, "
                    + "resource_id = excluded.resource_id, role = excluded.role, expires_at = excluded.expires_at, "
                    + "max_uses = excluded.max_uses, uses = excluded.uses, active = excluded.active, "
                    + "created_by = excluded.created_by, created_at = excluded.created_at",
                    k.id(), k.ref(), k.orgId(), k.resource() == null ? null : k.resource().type().name(),
                    k.resource() == null ? null : k.resource().id(), Role.wireOrNull(k.role()), t(k.expiresAt()),
                    k.maxUses(), k.uses(), k.active(), k.createdBy(), t(k.createdAt()));
        }

        @Override
        public Write linkInviteRemoved(Change.LinkInviteRemoved x) {
            return new Write("DELETE FROM link_invites WHERE id = ?", x.inviteId());
        }

        @Override
        public Write linkInviteUsed(Change.LinkInviteUsed x) {
            return new Write("UPDATE link_invites SET uses = uses + 1 WHERE id = ?", x.inviteId());
        }

        @Override
        public Write siteShareLinkPut(Change.SiteShareLinkPut x) {
            ShareLink l = x.link();
            return new Write("INSERT INTO share_links (id, site_id, name, active, created_at) VALUES (?,?,?,?,?) "
                    + "ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id, name = excluded.name, "
                    + "active = excluded.active, created_at = excluded.created_at",
                    l.id(), l.siteId(), l.name(), l.active(), t(l.createdAt()));
        }

        @Override
        public Write siteShareLinkRemoved(Change.SiteShareLinkRemoved x) {
            return new Write("DELETE FROM share_links WHERE id = ?", x.shareLinkId());
        }

        @Override
        public Write accessRequestPut(Change.AccessRequestPut x) {
            AccessRequest r = x.request();
            return new Write("INSERT INTO access_requests (id, resource_type, resource_id, user_id, role, message, status, "
                    + "decided_by, reason, created_at, decided_at, expires_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                    + "ON CONFLICT (id) DO UPDATE SET resource_type = excluded.resource_type, "
                    + "resource_id = excluded.resource_id, user_id = excluded.user_id, role = excluded.role, "
                    + "message = excluded.message, status = excluded.status, decided_by = excluded.decided_by, "
                    + "reason = excluded.reason, created_at = excluded.created_at, decided_at = excluded.decided_at, "
                    + "expires_at = excluded.expires_at",
                    r.id(), r.resource().type().name(), r.resource().id(), r.userId(), r.role().wire(), r.message(),
                    r.status().name(), r.decidedBy(), r.reason(), t(r.createdAt()), t(r.decidedAt()), t(r.expiresAt()));
        }

        @Override
        public Write accessRequestRemoved(Change.AccessRequestRemoved x) {
            return new Write("DELETE FROM access_requests WHERE id = ?", x.requestId());
        }
    };

    /** Reads every table; the caller provides a consistent (single-transaction) connection. */
    /** Everything stored, as the puts that rebuild it, parents before children. */
    public static Snapshot load(Connection c, long revision) throws SQLException {
        return new Snapshot.Builder()
                .put(query(c, "SELECT id, display_name, email, photo_url, invited, created_at FROM users", r -> new User(
                        r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getBoolean(5), i(r.getString(6)))),
                        Change.UserPut::new)
                .put(query(c, "SELECT id, title, default_role, created_at, email_domains FROM organizations",
                        r -> new Organization(r.getString(1), r.getString(2), role(r.getString(3)), i(r.getString(4)),
                                words(r.getString(5)))), Change.OrganizationPut::new)
                .put(query(c, "SELECT org_id, user_id, role, disabled, joined_at, sso FROM members", r -> new Member(
                        r.getString(1), r.getString(2), role(r.getString(3)), r.getBoolean(4), i(r.getString(5)),
                        r.getBoolean(6))), Change.MemberPut::new)
                .put(query(c, "SELECT id, org_id, title, created_at FROM teams", r -> new Team(
                        r.getString(1), r.getString(2), r.getString(3), i(r.getString(4)))), Change.TeamPut::new)
                .put(query(c, "SELECT team_id, user_id, role FROM team_members", r -> new TeamMembership(
                        r.getString(1), r.getString(2), TeamRole.valueOf(r.getString(3)))), Change.TeamMemberPut::new)
                .put(query(c, "SELECT id, org_id, parent_id, title, description, default_level, created_at FROM collections",
                        r -> new Collection(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                DefaultLevel.parse(r.getString(6)), i(r.getString(7)))), Change.CollectionPut::new)
                .put(query(c, "SELECT id, org_id, parent_id, title, emoji, visibility, default_level, created_at, updated_at, "
                        + "deleted_at FROM spaces", r -> new Space(r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4), r.getString(5), Visibility.valueOf(r.getString(6)), DefaultLevel.parse(r.getString(7)),
                        i(r.getString(8)), i(r.getString(9)), i(r.getString(10)))), Change.SpacePut::new)
                .put(query(c, "SELECT id, org_id, title, default_level, visibility, published, created_at FROM sites",
                        r -> new Site(r.getString(1), r.getString(2), r.getString(3), DefaultLevel.parse(r.getString(4)),
                                SiteVisibility.valueOf(r.getString(5)), r.getBoolean(6), i(r.getString(7)))), Change.SitePut::new)
                .put(query(c, "SELECT id, site_id, space_id, path, position, created_at FROM site_spaces", r -> new SiteSpace(
                        r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5), i(r.getString(6)))),
                        Change.SiteSpacePut::new)
                .put(query(c, "SELECT id, space_id, parent_id, title, default_level, position, created_at FROM pages",
                        r -> new Page(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                                DefaultLevel.parse(r.getString(5)), r.getLong(6), i(r.getString(7)))), Change.PagePut::new)
                .put(query(c, "SELECT resource_type, resource_id, subject_type, subject_id, role, expires_at FROM grants",
                        r -> new Grant(new ResourceRef(ResourceType.valueOf(r.getString(1)), r.getString(2)),
                                new SubjectRef(SubjectType.valueOf(r.getString(3)), r.getString(4)), role(r.getString(5)),
                                i(r.getString(6)))), Change.GrantPut::new)
                .put(query(c, "SELECT id, user_id, label, secret_hash, created_at FROM tokens", r -> new ApiToken(
                        r.getString(1), r.getString(2), r.getString(3), r.getString(4), i(r.getString(5)))), Change.TokenPut::new)
                .put(query(c, "SELECT id, ref, org_id, resource_type, resource_id, role, expires_at, max_uses, uses, active, "
                        + "created_by, created_at FROM link_invites", r -> new LinkInvite(r.getString(1), r.getString(2),
                        r.getString(3), r.getString(4) == null ? null
                                : new ResourceRef(ResourceType.valueOf(r.getString(4)), r.getString(5)),
                        role(r.getString(6)), i(r.getString(7)), nullableInt(r, 8), r.getLong(9), r.getBoolean(10),
                        r.getString(11), i(r.getString(12)))), Change.LinkInvitePut::new)
                .put(query(c, "SELECT id, site_id, name, active, created_at FROM share_links", r -> new ShareLink(
                        r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4), i(r.getString(5)))),
                        Change.SiteShareLinkPut::new)
                .put(query(c, "SELECT id, resource_type, resource_id, user_id, role, message, status, decided_by, reason, "
                        + "created_at, decided_at, expires_at FROM access_requests", r -> new AccessRequest(r.getString(1),
                        new ResourceRef(ResourceType.valueOf(r.getString(2)), r.getString(3)), r.getString(4),
                        Role.parse(r.getString(5)), r.getString(6), AccessRequest.Status.valueOf(r.getString(7)),
                        r.getString(8), r.getString(9), i(r.getString(10)), i(r.getString(11)), i(r.getString(12)))),
                        Change.AccessRequestPut::new)
                .put(query(c, "SELECT id, org_id, label, secret_hash, created_at FROM scim_tokens", r -> new ScimToken(
                        r.getString(1), r.getString(2), r.getString(3), r.getString(4), i(r.getString(5)))),
                        Change.ScimTokenPut::new)
                .put(query(c, "SELECT org_id, kind, id, external_id, display_name, name, last_modified "
                        + "FROM scim_records", r -> new ScimRecord(r.getString(1), ScimRecord.Kind.valueOf(r.getString(2)),
                        r.getString(3), r.getString(4), r.getString(5), r.getString(6), i(r.getString(7)))), Change.ScimRecordPut::new)
                .at(revision);
    }

    /** Maps the current row of a result. */
    public interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    public static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < args.length; k++) {
                ps.setObject(k + 1, args[k]);
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(row.map(r));
                }
            }
        }
        return out;
    }

    public static int exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < args.length; k++) {
                ps.setObject(k + 1, args[k]);
            }
            return ps.executeUpdate();
        }
    }

    private static String t(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant i(String text) {
        return text == null ? null : Instants.parse(text);
    }

    private static Integer nullableInt(ResultSet r, int column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? null : v;
    }

    /** Space-separated words (an organization's email domains); none for null or empty. */
    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split(" +"));
    }

    private static Role role(String wire) {
        return wire == null ? null : Role.parse(wire);
    }
}
